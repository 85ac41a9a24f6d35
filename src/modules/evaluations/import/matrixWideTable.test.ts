import { describe, expect, it } from 'vitest';
import { importMatrixLines } from './importMatrixText.js';
import type { MatrixLine } from './lines.js';
import { unfoldWideTables } from './matrixWideTable.js';

const row = (n: number, ...cells: string[]): MatrixLine => ({ cells, where: `table 1, row ${n}`, table: 1 });

describe('phase 0: a matrix written as one wide table, a recommendation per row', () => {
  const header = row(
    1,
    'Evaluation recommendation',
    '(Time 0) Management response - accept/partially accept/reject',
    '(Time 0) Key actions',
    '(Time 0) Responsible unit(s)',
    '(Time 0) Timeframe',
    '(Time 2) Implementation monitoring status',
  );

  it('unfolds each recommendation row into a heading, its response and a key-action table', () => {
    const lines = unfoldWideTables([
      { cells: ['Evaluation title: Review of the night shelter'], where: 'paragraph 1' },
      header,
      row(
        2,
        'II. Open the shelter all year.',
        'Accept. Funding is secured.',
        'II.1 Extend the lease',
        'Facilities',
        'Q2 2025',
        'Initiated',
      ),
      row(3, '', '', 'II.2 Recruit night staff', 'HR unit', 'Q3 2025', ''),
    ]);
    expect(lines.map((l) => l.cells)).toEqual([
      ['Evaluation title: Review of the night shelter'],
      ['Evaluation recommendation II: Open the shelter all year.'],
      ['(Time 0) Management response - accept/partially accept/reject: Accept. Funding is secured.'],
      [
        '(Time 0) Key actions',
        '(Time 0) Responsible unit(s)',
        '(Time 0) Timeframe',
        '(Time 2) Implementation monitoring status',
      ],
      ['II.1 Extend the lease', 'Facilities', 'Q2 2025', 'Initiated'],
      ['II.2 Recruit night staff', 'HR unit', 'Q3 2025', ''],
    ]);
    // Every line still says where it came from.
    expect(lines[5].where).toBe('table 1, row 3');
  });

  it('reads the unfolded lines as the matrix: recommendations, responses and actions in their columns', () => {
    const { evaluation } = importMatrixLines([
      { cells: ['Evaluation title: Review of the night shelter, 2024'], where: 'paragraph 1' },
      header,
      row(
        2,
        'Open the shelter all year.',
        '~~Accept~~ Partially accept. Winter only at first.'.replace(/~~(.*?)~~/g, '\uE000$1\uE001'),
        'Extend the lease',
        'Facilities',
        'Q2 2025',
        '',
      ),
      row(3, '', '', 'Recruit night staff', 'HR unit', 'Q3 2025', 'Completed'),
      row(
        4,
        'Publish the house rules in five languages.',
        'Accept.',
        'Translate the rules',
        'Communication',
        'Ongoing',
        '',
      ),
    ]);
    expect(evaluation.recommendations.map((r) => [r.number, r.text, r.response, r.responseText])).toEqual([
      ['1', 'Open the shelter all year.', 'partially_accepted', 'Partially accept. Winter only at first.'],
      ['2', 'Publish the house rules in five languages.', 'accepted', 'Accept.'],
    ]);
    expect(
      evaluation.recommendations[0].actions.map((a) => [a.number, a.text, a.responsible, a.timeframe]),
    ).toEqual([
      ['1.1', 'Extend the lease', 'Facilities', 'Q2 2025'],
      ['1.2', 'Recruit night staff', 'HR unit', 'Q3 2025'],
    ]);
    expect(evaluation.statusTemplate).toBe('2022');
  });

  it('leaves alone a table whose header names no recommendation column', () => {
    const lines = [
      row(1, 'Key actions', 'Timeframe', 'Responsible unit(s)'),
      row(2, '1.1 Extend the lease', 'Q2 2025', 'Facilities'),
    ];
    expect(unfoldWideTables(lines)).toEqual(lines);
  });
});
