/**
 * Phase 2 of reading a matrix: the evaluation's header, the lines before the first
 * recommendation — title and year, period, evaluators, owner, date of publication, overall
 * comments. A label's value is in its own cell after the colon or in the next cell; "Overall
 * comments" continue on the lines that follow. What cannot be placed is handed on as text for
 * the evaluation's notes.
 */
import { parseTimeframe } from '../../../lib/parseTimeframe.js';
import type { ImportedEvaluation, ImportWarning, SourceLine } from '../model.js';
import { lineText, sourceLine } from './lines.js';
import { type CleanLine, readLines } from './matrixCleaning.js';
import { isTableHeader, looksLikeHeaderContinuation, looksLikeSubheader } from './matrixKeyActions.js';
import { type HeaderKind, matchHeaderLabel } from './matrixLabels.js';
import { append, dropInstruction, isInstruction } from './matrixValues.js';

type HeaderFields = Pick<
  ImportedEvaluation,
  'title' | 'year' | 'period' | 'evaluators' | 'owner' | 'publishedOn' | 'overallComment'
>;

/** What the header says; `title` is "" when it names none. */
export interface MatrixHeader extends HeaderFields {
  /** Notes on the evaluation made while reading: text after the evaluators, a date that is not one day. */
  notes: string[];
  /** Text that could not be placed, with where it was: notes on the evaluation after the others. */
  unplaced: { where: string; text: string }[];
  /** Warnings about the header's values, in reading order. */
  warnings: ImportWarning[];
  /** The header's lines as text, for the review screen. */
  source: string;
  /** The header's lines as read, for review beside the original. */
  sourceLines: SourceLine[];
}

/** Reads the header lines (those before the first recommendation). */
export function readMatrixHeader(lines: CleanLine[]): MatrixHeader {
  const h: MatrixHeader = {
    title: '',
    year: null,
    period: null,
    evaluators: null,
    owner: null,
    publishedOn: null,
    overallComment: null,
    notes: [],
    unplaced: [],
    warnings: [],
    source: lines.map((l) => lineText(l.line)).join('\n'),
    sourceLines: readLines(lines).map(sourceLine),
  };
  /** A "Year:" line was read: the title's years no longer set it. */
  let explicitYear = false;
  /** The last label read was "Overall comments": the next unlabelled lines continue it. */
  let inOverallComment = false;

  const warn = (
    code: ImportWarning['code'],
    params: Record<string, string>,
    message: string,
    where: string,
    path: string,
  ) => h.warnings.push({ code, params, message, where: `evaluation header (${where})`, path });

  const readTitle = (v: string) => {
    // (?<!…): only where a run starts, or a long run of dots is rescanned from each one (quadratic).
    let title = v.replace(/(?<![.;])[.;]+$/, '').trim();
    const paren = title.match(/\(([^()]*\b(?:19|20|21)\d{2}\b[^()]*)\)\s*$/);
    if (paren && /^\s*(?:19|20|21)\d{2}\s*$/.test(paren[1])) {
      // "Title (2024)": the year alone, no period.
      title = title.slice(0, paren.index).trim();
    } else if (paren) {
      h.period = h.period ?? paren[1].trim();
      title = title.slice(0, paren.index).trim();
    } else {
      const tail = title.match(/[,/–-]\s*((?:19|20|21)\d{2})$/);
      if (tail) title = title.slice(0, tail.index).trim();
    }
    const years = [...v.matchAll(/\b(?:19|20|21)\d{2}\b/g)].map((y) => Number(y[0]));
    // reduce, not Math.max(...years): a cell of a million years would overflow the stack.
    if (!explicitYear && years.length > 0) h.year = years.reduce((a, b) => Math.max(a, b));
    h.title = title;
  };

  const readEvaluators = (v: string, where: string) => {
    // "the research centre X specifically by A, B and C. The external evaluation aims to…" — but
    // not after a title or an initial: "Mme Sophie Lambert et M. Karim Benali", "Dña. Lucía Ortega".
    const split = splitAfterFirstSentence(v);
    // The full stop that ends the sentence goes; one that ends an abbreviation ("S.L.", "Ltd.") stays.
    const first = (split ? split[0] : v).trim();
    const who =
      ABBREVIATION.test(first.slice(-12, -1)) || /(?:\p{Lu}\.){2,}$/u.test(first)
        ? first
        : first.replace(/\.$/, '');
    h.evaluators = append(h.evaluators, who, '; ');
    if (split) {
      h.notes.push(split[1].trim());
      warn(
        'evaluatorsNote',
        {},
        'Text after the evaluators was kept as a note on the evaluation',
        where,
        'notes',
      );
    }
  };

  const readPublished = (v: string, where: string) => {
    const r = parseTimeframe(v, {});
    if (r.due && (r.due.from === r.due.to || r.due.from === null)) h.publishedOn = r.due.to;
    else {
      h.notes.push(`Date as written: ${v}`);
      warn(
        'dateUnread',
        { date: v },
        `The date "${v}" could not be read as one day; it was kept as a note`,
        where,
        'publishedOn',
      );
    }
  };

  const apply = (kind: HeaderKind, value: string, where: string) => {
    const v = dropInstruction(value);
    inOverallComment = false;
    switch (kind) {
      case 'title':
        readTitle(v);
        return;
      case 'year': {
        const y = v.match(/\b(19|20|21)\d{2}\b/);
        if (y) {
          h.year = Number(y[0]);
          explicitYear = true;
        } else if (v) warn('yearUnread', { year: v }, `The year "${v}" is not a year`, where, 'year');
        return;
      }
      case 'period':
        h.period = v || h.period;
        return;
      case 'evaluators':
        if (v) readEvaluators(v, where);
        return;
      case 'owner':
        h.owner = v || h.owner;
        return;
      case 'publishedOn':
        if (v) readPublished(v, where);
        return;
      case 'overallComment':
        h.overallComment = v || h.overallComment;
        inOverallComment = true;
        return;
    }
  };

  /** The line before was the key-action table's header (or its continuation). */
  let afterTableHeader = false;
  for (const { line, cells, filled, text } of lines) {
    // The key-action table's header, when the whole matrix is one table that starts with it, with
    // the second lines of its wrapped cells and its sub-header.
    const partOfTableHeader: boolean =
      isTableHeader(line.cells) ||
      (afterTableHeader && (looksLikeSubheader(cells) || looksLikeHeaderContinuation(cells)));
    afterTableHeader = partOfTableHeader;
    if (partOfTableHeader) continue;
    if (!matchHeaderLabel(filled[0])) {
      if (isInstruction(text)) continue;
      if (inOverallComment) h.overallComment = append(h.overallComment, text);
      else h.unplaced.push({ where: line.where, text });
      continue;
    }
    // Labelled cells, possibly several on one line; a label alone in its cell takes the next cell.
    for (let i = 0; i < filled.length; i++) {
      const found = matchHeaderLabel(filled[i]);
      if (found) {
        let value = found.value;
        if (!value && i + 1 < filled.length && !matchHeaderLabel(filled[i + 1])) value = filled[++i];
        apply(found.kind, value, line.where);
      } else if (!isInstruction(filled[i])) h.unplaced.push({ where: line.where, text: filled[i] });
    }
  }
  return h;
}

/** Titles and initials a full stop follows without ending a sentence. */
const ABBREVIATION =
  /(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Prof|Mme|Mlle|Me|Sr|Sra|Srta|Dña|Dña|Dª|Ltd|Inc|Co|Corp|St|Jr|Sen|No|Nr|ca|approx|e\.g|i\.e|etc)$/u;

/** A text cut after its first sentence (ended by a full stop before a capital), or null. */
function splitAfterFirstSentence(v: string): [string, string] | null {
  for (const m of v.matchAll(/\.\s+(?=\p{Lu})/gu)) {
    const end = m.index ?? 0;
    if (ABBREVIATION.test(v.slice(Math.max(0, end - 12), end))) continue;
    return [v.slice(0, end + 1), v.slice(end + m[0].length)];
  }
  return null;
}
