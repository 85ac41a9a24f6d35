import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { findTables, inside, markStruck, type Piece, type Rule } from './pdfGeometry.js';

/** A horizontal line from x0 to x1 at height y, and a vertical one, as a PDF page draws them. */
const h = (x0: number, x1: number, y: number): Rule => [x0, y, x1, y, 0.5];
const v = (x: number, y0: number, y1: number): Rule => [x, y0, x, y1, 0.5];

/** The cells of each table a page's lines draw, as "row,col rowSpan×colSpan". */
const cellsOf = (rules: Rule[]) =>
  findTables(rules).map((t) => t.cells.map((c) => `${c.row},${c.col} ${c.rowSpan}×${c.colSpan}`));

describe('tables rebuilt from the lines a PDF page draws', () => {
  it('cuts a bordered table into its rows and columns, top to bottom', () => {
    const [table, ...others] = findTables([
      h(50, 350, 700),
      h(50, 350, 650),
      h(50, 350, 600),
      v(50, 600, 700),
      v(200, 600, 700),
      v(350, 600, 700),
    ]);
    expect(others).toEqual([]);
    expect(table.xs).toEqual([50, 200, 350]);
    expect(table.ys).toEqual([700, 650, 600]);
    expect([table.left, table.right, table.top, table.bottom]).toEqual([50, 350, 700, 600]);
    expect(table.cells.map((c) => [c.row, c.col, c.left, c.right, c.top, c.bottom])).toEqual([
      [0, 0, 50, 200, 700, 650],
      [0, 1, 200, 350, 700, 650],
      [1, 0, 50, 200, 650, 600],
      [1, 1, 200, 350, 650, 600],
    ]);
  });

  it('reads a header cell with no border under half of it as merged across two columns', () => {
    // "Implementation monitoring" over "Comments | Status": the middle line only in the lower row.
    expect(
      cellsOf([
        h(50, 350, 700),
        h(50, 350, 650),
        h(50, 350, 600),
        v(50, 600, 700),
        v(200, 600, 650),
        v(350, 600, 700),
      ]),
    ).toEqual([['0,0 1×2', '1,0 1×1', '1,1 1×1']]);
  });

  it('reads a first-column cell with no line under it as merged down two rows', () => {
    expect(
      cellsOf([
        h(50, 350, 700),
        h(200, 350, 650),
        h(50, 350, 600),
        v(50, 600, 700),
        v(200, 600, 700),
        v(350, 600, 700),
      ]),
    ).toEqual([['0,0 2×1', '0,1 1×1', '1,1 1×1']]);
  });

  it('joins borders Word draws cell by cell, a little apart, into one table', () => {
    const tables = findTables([
      h(50, 200, 700),
      h(200.5, 350, 700),
      h(50, 200, 650),
      h(200.5, 350, 650),
      v(50, 650, 700),
      v(200, 650, 700),
      v(350, 650, 675),
      v(350, 675, 700),
      // A border printed 1.5 pt off the others is still the same column boundary.
      v(201.5, 650, 700),
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0].ys).toEqual([700, 650]);
    expect(tables[0].cells).toHaveLength(2);
  });

  it('finds two tables on one page, the upper one first', () => {
    const tables = findTables([
      h(50, 350, 300),
      h(50, 350, 250),
      v(50, 250, 300),
      v(350, 250, 300),
      h(50, 350, 700),
      h(50, 350, 650),
      v(50, 650, 700),
      v(350, 650, 700),
    ]);
    expect(tables.map((t) => t.top)).toEqual([700, 300]);
  });

  it('sees no table in underlines, a lone rule or a margin line', () => {
    expect(findTables([h(50, 350, 700), h(100, 160, 500), v(400, 100, 200)])).toEqual([]);
  });

  it('does not take a struck word inside a cell for a row border', () => {
    const grid = [
      h(50, 350, 700),
      h(50, 350, 650),
      h(50, 350, 600),
      v(50, 600, 700),
      v(200, 600, 700),
      v(350, 600, 700),
    ];
    const [table] = findTables([...grid, h(60, 150, 678)]);
    expect(table.ys).toEqual([700, 650, 600]);
    expect(table.cells).toHaveLength(4);
  });

  it('places a word in the cell it is written in, not in its neighbour', () => {
    const [table] = findTables([
      h(50, 350, 700),
      h(50, 350, 650),
      v(50, 650, 700),
      v(200, 650, 700),
      v(350, 650, 700),
    ]);
    const word: Piece = { x: 205, y: 686, width: 40, height: 10, str: 'Q3 2025' };
    expect(table.cells.map((c) => inside(word, c))).toEqual([false, true]);
    expect(inside({ ...word, y: 630 }, table)).toBe(false);
  });
});

// Text measured in Helvetica, as pdf.js would report it for a line of a PDF.
const pdf = new PDFDocument();
pdf.font('Helvetica').fontSize(10);
const width = (s: string) => pdf.widthOfString(s);
const piece = (str: string): Piece => ({ x: 100, y: 500, width: width(str), height: 10, str });
/** A line over the `nth` occurrence of `words` in the piece, at `height` × the font size above the baseline. */
function lineOver(p: Piece, words: string, height = 0.3, nth = 0): Rule {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = p.str.indexOf(words, at + 1);
  const x0 = p.x + width(p.str.slice(0, at));
  return [x0, p.y + 10 * height, x0 + width(words), p.y + 10 * height, 0.5];
}
const mark = (s: string) => `[${s}]`;

describe('words struck through in a PDF', () => {
  it('marks the options a line crosses in a response label, and only those', () => {
    const label = piece('Accept / Partially accept / Reject');
    expect(markStruck(label, [lineOver(label, 'Accept'), lineOver(label, 'Reject')], mark)).toBe(
      '[Accept] / Partially accept / [Reject]',
    );
    expect(markStruck(label, [lineOver(label, 'Partially accept'), lineOver(label, 'Reject')], mark)).toBe(
      'Accept / [Partially accept] / [Reject]',
    );
  });

  it('marks a struck word inside a sentence, and several struck words as one run', () => {
    const sentence = piece('The unit will not hire new staff this year');
    expect(markStruck(sentence, [lineOver(sentence, 'not')], mark)).toBe(
      'The unit will [not] hire new staff this year',
    );
    expect(markStruck(sentence, [lineOver(sentence, 'not hire new')], mark)).toBe(
      'The unit will [not hire new] staff this year',
    );
  });

  it('leaves underlined words, and the cell borders above and below the text, unstruck', () => {
    const sentence = piece('The unit will not hire new staff this year');
    expect(markStruck(sentence, [lineOver(sentence, 'not hire', -0.12)], mark)).toBe(sentence.str);
    expect(markStruck(sentence, [lineOver(sentence, 'not hire', 0.75)], mark)).toBe(sentence.str);
    expect(markStruck(sentence, [h(40, 500, 497), h(40, 500, 512)], mark)).toBe(sentence.str);
  });

  it('marks a narrow word and a wide word alike when a line crosses it', () => {
    const mixed = piece('WWW MMM iii lll');
    expect(markStruck(mixed, [lineOver(mixed, 'iii')], mark)).toBe('WWW MMM [iii] lll');
    expect(markStruck(mixed, [lineOver(mixed, 'MMM')], mark)).toBe('WWW [MMM] iii lll');
  });

  // BUG: a colon (or comma) written right after a struck option is marked struck with it, so reading
  // the cell drops it: "Management response (Accept/~~Partially Accept~~/~~Reject~~): The two desks…"
  // becomes "Management response (Accept The two desks…", which no longer has a label's colon, and
  // the whole response text is read as part of the label.
  it('leaves the colon after a struck last option unstruck', () => {
    const label = piece('Management response - accept/partially accept/reject:');
    expect(markStruck(label, [lineOver(label, 'accept'), lineOver(label, 'reject')], mark)).toBe(
      'Management response - [accept]/partially accept/[reject]:',
    );
  });
});
