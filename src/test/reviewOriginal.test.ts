/** What the review screen shows of the original beside a recommendation (web/src/evaluations/originalModel). */
import { describe, expect, it } from 'vitest';
import { lineBlocks, markedPages } from '../../web/src/evaluations/originalModel.js';

describe('the original beside a recommendation', () => {
  it('marks the union of the lines’ boxes on each page, pages in order', () => {
    const pages = markedPages([
      {
        cells: ['a'],
        where: 'page 3, line 1',
        box: { page: 3, left: 0.1, top: 0.5, right: 0.6, bottom: 0.55 },
      },
      {
        cells: ['b'],
        where: 'page 3, line 2',
        box: { page: 3, left: 0.05, top: 0.56, right: 0.9, bottom: 0.6 },
      },
      {
        cells: ['c'],
        where: 'page 4, line 1',
        box: { page: 4, left: 0.05, top: 0.1, right: 0.9, bottom: 0.12 },
      },
    ]);
    expect(pages).toEqual([
      { page: 3, mark: { left: 0.05, top: 0.5, right: 0.9, bottom: 0.6 } },
      { page: 4, mark: { left: 0.05, top: 0.1, right: 0.9, bottom: 0.12 } },
    ]);
  });

  it('without boxes, still knows the page from where the line is, and marks nothing', () => {
    expect(
      markedPages([
        { cells: ['a'], where: 'page 2, line 35' },
        { cells: ['b'], where: 'page 1, line 2' },
        { cells: ['c'], where: 'page 2, line 36' },
      ]),
    ).toEqual([{ page: 1 }, { page: 2 }]);
    expect(markedPages([{ cells: ['a'], where: 'table 1, row 2' }])).toEqual([]);
    expect(markedPages(undefined)).toEqual([]);
  });

  it('draws consecutive rows of one table as a table, other lines as paragraphs', () => {
    const blocks = lineBlocks([
      { cells: ['Evaluation recommendation 2: To set up a booking system'], where: 'paragraph 4' },
      { cells: ['Key actions', 'Timeframe'], where: 'table 2, row 1', table: 2 },
      { cells: ['2.1 Set up a form', 'By end of\nSeptember 2024'], where: 'table 2, row 2', table: 2 },
      { cells: ['Recommendation to: Operations'], where: 'table 3, row 1', table: 3 },
      { cells: ['one', 'two'], where: 'line 9' },
      { cells: ['three', 'four'], where: 'line 10' },
    ]);
    expect(blocks).toEqual([
      { start: 0, kind: 'paragraph', text: 'Evaluation recommendation 2: To set up a booking system' },
      {
        start: 1,
        kind: 'table',
        table: 2,
        rows: [
          ['Key actions', 'Timeframe'],
          ['2.1 Set up a form', 'By end of\nSeptember 2024'],
        ],
      },
      { start: 3, kind: 'table', table: 3, rows: [['Recommendation to: Operations']] },
      {
        start: 4,
        kind: 'table',
        table: undefined,
        rows: [
          ['one', 'two'],
          ['three', 'four'],
        ],
      },
    ]);
  });
});
