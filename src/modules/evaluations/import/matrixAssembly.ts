/**
 * Phase 7 of reading a matrix: the evaluation put together from its header and recommendations.
 * The template is the one the text looks like; a missing title is taken from the file's name;
 * each recommendation's management response is read from its text (never guessed), its rows
 * become actions (phase 6), and every warning comes in reading order, then the evaluation-wide
 * ones, then those of each recommendation and its actions.
 */
import type { ImportedEvaluation, ImportedRecommendation, ImportResult, ImportWarning } from '../model.js';
import { actionsFromRows } from './matrixActions.js';
import type { MatrixHeader } from './matrixHeader.js';
import type { RecommendationDraft } from './matrixRecommendation.js';
import { short, stripEmphasis } from './matrixValues.js';
import { readResponse } from './matrixWords.js';

/**
 * The import's result from the header (phase 2) and the recommendations (phase 4, at least one);
 * `sourceName` (a file's name) is the title when the matrix names none.
 */
export function assembleImport(
  header: MatrixHeader,
  drafts: RecommendationDraft[],
  sourceName?: string,
): ImportResult {
  const warnings: ImportWarning[] = [...header.warnings, ...drafts.flatMap((d) => d.warnings)];
  const votes2022 = drafts.reduce((n, d) => n + d.votes2022, 0);
  const statusTemplate = votes2022 >= 2 ? '2022' : 'classic';

  let title = header.title;
  if (!title) {
    title = sourceName ? sourceName.replace(/\.[a-z0-9]+$/i, '') : 'Untitled evaluation';
    warnings.push({
      code: 'noTitle',
      message: 'The matrix names no evaluation title; please give one',
      where: 'evaluation header',
      path: 'title',
    });
  }
  const notes = [...header.notes];
  for (const n of header.unplaced) {
    notes.push(n.text);
    warnings.push({
      code: 'unplacedEvaluation',
      params: { text: short(n.text) },
      message: `Text "${short(n.text)}" could not be placed; it was kept as a note on the evaluation`,
      where: `evaluation header (${n.where})`,
      path: 'notes',
    });
  }

  const seen = new Set<string>();
  const recommendations: ImportedRecommendation[] = drafts.map((d) => {
    const r = d.rec;
    const where = `recommendation ${r.number}`;
    const path = (field: string) => `recommendations.${d.index}.${field}`;
    if (seen.has(r.number)) {
      warnings.push({
        code: 'recommendationTwice',
        params: { number: r.number },
        message: `Recommendation ${r.number} appears twice`,
        where: `${where} (${d.where})`,
        path: path('number'),
      });
    }
    seen.add(r.number);
    if (!r.text) {
      warnings.push({
        code: 'recommendationNoText',
        message: 'The recommendation has no text',
        where: `${where} (${d.where})`,
        path: path('text'),
      });
    }
    const responseText = r.responseText ? stripEmphasis(r.responseText) : r.responseText;
    // The option left in the label comes first; otherwise what the response's text says.
    const response = r.response ?? (responseText ? readResponse(responseText) : null);
    if (!response) {
      warnings.push({
        code: responseText ? 'responseUnclear' : 'responseMissing',
        message: responseText
          ? 'The management response does not say whether the recommendation is accepted, partially accepted or rejected; it was left empty'
          : 'No management response was given',
        where: `${where}, management response`,
        path: path('response'),
      });
    }
    const { actions, warnings: actionWarnings } = actionsFromRows(
      { number: r.number, index: d.index, responsibleUnits: d.responsibleUnits, rows: d.rows },
      statusTemplate,
      header.year,
    );
    for (const w of actionWarnings) warnings.push(w);
    return {
      ...r,
      text: stripEmphasis(r.text),
      addressedTo: r.addressedTo ? stripEmphasis(r.addressedTo) : d.responsibleUnits,
      response,
      responseText,
      actions,
    };
  });

  const evaluation: ImportedEvaluation = {
    title,
    year: header.year,
    period: header.period,
    evaluators: header.evaluators,
    owner: header.owner,
    publishedOn: header.publishedOn,
    overallComment: header.overallComment,
    statusTemplate,
    notes,
    recommendations,
  };
  return {
    evaluation,
    warnings,
    sources: {
      header: header.source,
      recommendations: drafts.map((d) => d.source),
      headerLines: header.sourceLines,
      recommendationLines: drafts.map((d) => d.sourceLines),
    },
  };
}
