import { describe, expect, it } from 'vitest';
import type { ImportedRecommendation } from '../model.js';
import { assembleImport } from './matrixAssembly.js';
import type { MatrixHeader } from './matrixHeader.js';
import type { RecommendationDraft } from './matrixRecommendation.js';

const header = (over: Partial<MatrixHeader> = {}): MatrixHeader => ({
  title: 'Review of the orientation days',
  year: 2024,
  period: null,
  evaluators: 'Lumen Consulting',
  owner: null,
  publishedOn: null,
  overallComment: null,
  notes: [],
  unplaced: [],
  warnings: [],
  source: 'Evaluation title/year: Review of the orientation days, 2024',
  sourceLines: [{ cells: ['Evaluation title/year: Review of the orientation days, 2024'], where: 'line 1' }],
  ...over,
});

const draft = (
  index: number,
  rec: Partial<ImportedRecommendation>,
  over: Partial<RecommendationDraft> = {},
): RecommendationDraft => ({
  rec: {
    number: String(index + 1),
    text: 'Offer childcare during the orientation days.',
    addressedTo: null,
    priority: null,
    priorityJustification: null,
    response: null,
    responseText: 'Accepted.',
    status: null,
    comments: null,
    notes: [],
    actions: [],
    ...rec,
  },
  index,
  where: `line ${index * 4 + 2}`,
  responsibleUnits: null,
  rows: [],
  source: `Evaluation recommendation ${index + 1}: …`,
  sourceLines: [{ cells: [`Evaluation recommendation ${index + 1}: …`], where: `line ${index + 2}` }],
  votes2022: 0,
  warnings: [],
  ...over,
});

describe('phase 7: assembling the evaluation', () => {
  it('reads each response from its text, strips emphasis, and gives the sources', () => {
    const { evaluation, warnings, sources } = assembleImport(header(), [
      draft(0, {
        text: '**Offer childcare.**',
        responseText: '__Partially accepted: only in the two largest sites.__',
      }),
      draft(1, { responseText: 'The recommendation is rejected: the rooms are too small.' }),
    ]);
    expect(evaluation.recommendations.map((r) => [r.text, r.response, r.responseText])).toEqual([
      ['Offer childcare.', 'partially_accepted', 'Partially accepted: only in the two largest sites.'],
      [
        'Offer childcare during the orientation days.',
        'rejected',
        'The recommendation is rejected: the rooms are too small.',
      ],
    ]);
    expect(warnings).toEqual([]);
    expect(sources).toEqual({
      header: 'Evaluation title/year: Review of the orientation days, 2024',
      recommendations: ['Evaluation recommendation 1: …', 'Evaluation recommendation 2: …'],
      headerLines: [
        { cells: ['Evaluation title/year: Review of the orientation days, 2024'], where: 'line 1' },
      ],
      recommendationLines: [
        [{ cells: ['Evaluation recommendation 1: …'], where: 'line 2' }],
        [{ cells: ['Evaluation recommendation 2: …'], where: 'line 3' }],
      ],
    });
    expect(evaluation).toMatchObject({
      title: 'Review of the orientation days',
      year: 2024,
      evaluators: 'Lumen Consulting',
    });
  });

  it('leaves a response empty with a warning when the text says none, or there is no text', () => {
    const { evaluation, warnings } = assembleImport(header(), [
      draft(0, { responseText: 'The unit will look into it.' }),
      draft(1, { responseText: null }),
    ]);
    expect(evaluation.recommendations.map((r) => r.response)).toEqual([null, null]);
    expect(warnings.map((w) => [w.message.split(' whether')[0], w.where, w.path])).toEqual([
      [
        'The management response does not say',
        'recommendation 1, management response',
        'recommendations.0.response',
      ],
      [
        'No management response was given',
        'recommendation 2, management response',
        'recommendations.1.response',
      ],
    ]);
  });

  it('chooses the 2022 template from two signs of it, and gives the responsible units to the recommendation', () => {
    const { evaluation } = assembleImport(header(), [
      draft(0, {}, { votes2022: 1, responsibleUnits: 'Youth services' }),
      draft(1, { addressedTo: '_City council_' }, { votes2022: 1 }),
    ]);
    expect(evaluation.statusTemplate).toBe('2022');
    expect(evaluation.recommendations.map((r) => r.addressedTo)).toEqual(['Youth services', 'City council']);
    expect(assembleImport(header(), [draft(0, {}, { votes2022: 1 })]).evaluation.statusTemplate).toBe(
      'classic',
    );
  });

  it('names an untitled evaluation after its file, and keeps unplaced header text as notes after the others', () => {
    const { evaluation, warnings } = assembleImport(
      header({
        title: '',
        notes: ['Date as written: spring'],
        unplaced: [{ where: 'line 1', text: 'Draft for the steering committee' }],
        warnings: [
          {
            message: 'The date "spring" could not be read',
            where: 'evaluation header (line 3)',
            path: 'publishedOn',
          },
        ],
      }),
      [
        draft(
          0,
          {},
          {
            warnings: [
              { message: 'A note', where: 'recommendation 1 (line 4)', path: 'recommendations.0.notes' },
            ],
          },
        ),
      ],
      'orientation-days-2024.docx',
    );
    expect(evaluation.title).toBe('orientation-days-2024');
    expect(evaluation.notes).toEqual(['Date as written: spring', 'Draft for the steering committee']);
    // Reading order first, then the evaluation's, then each recommendation's.
    expect(warnings.map((w) => w.path)).toEqual(['publishedOn', 'recommendations.0.notes', 'title', 'notes']);
    expect(assembleImport(header({ title: '' }), [draft(0, {})]).evaluation.title).toBe(
      'Untitled evaluation',
    );
  });

  it('warns about a number used twice and a recommendation without text, and makes its rows actions', () => {
    const { evaluation, warnings } = assembleImport(header(), [
      draft(0, { number: '1' }),
      draft(
        1,
        { number: '1', text: '' },
        {
          rows: [
            {
              where: 'line 9',
              numbers: ['1.1'],
              cols: { text: 'Book rooms', timeframe: 'Q1', responsible: '', comments: '', status: '' },
            },
          ],
        },
      ),
    ]);
    expect(warnings.map((w) => [w.message, w.where])).toEqual([
      ['Recommendation 1 appears twice', 'recommendation 1 (line 6)'],
      ['The recommendation has no text', 'recommendation 1 (line 6)'],
    ]);
    expect(evaluation.recommendations[1].actions).toEqual([
      {
        number: '1.1',
        text: 'Book rooms',
        timeframe: 'Q1',
        due: { from: '2024-01-01', to: '2024-03-31', inferred: true },
        responsible: null,
        fundingConditional: false,
        noActionNeeded: false,
        status: null,
        comments: null,
      },
    ]);
  });
});
