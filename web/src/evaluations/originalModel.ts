/**
 * What the review screen shows of the original beside a recommendation, worked out from the lines
 * the import read: the pages they are on with the region they cover (PDF), or the lines grouped
 * into tables and paragraphs (Word and text). Pure, so it is tested without a browser.
 */
import type { SourceBox, SourceLine } from '../../../src/modules/evaluations/model';

/** A page of the original and the region of it to mark (absent when the reader gave no boxes). */
export interface MarkedPage {
  page: number;
  mark?: { left: number; top: number; right: number; bottom: number };
}

/** "page 3, line 7" as the PDF reader writes where a line is: the page, when no box says it. */
const PAGE_IN_WHERE = /\bpage\s+(\d+)\b/i;

function pageOf(line: SourceLine): number | null {
  if (line.box) return line.box.page;
  const m = PAGE_IN_WHERE.exec(line.where);
  return m ? Number(m[1]) : null;
}

/**
 * The pages the lines are on, in order, each with the union of its lines' boxes. A line with no
 * box still brings its page (from where it is), shown without a mark.
 */
export function markedPages(lines: SourceLine[] | undefined): MarkedPage[] {
  const pages = new Map<number, SourceBox[]>();
  for (const line of lines ?? []) {
    const page = pageOf(line);
    if (page === null) continue;
    const boxes = pages.get(page) ?? [];
    if (line.box && valid(line.box)) boxes.push(line.box);
    pages.set(page, boxes);
  }
  return [...pages.entries()]
    .sort(([a], [b]) => a - b)
    .map(([page, boxes]) => (boxes.length > 0 ? { page, mark: union(boxes) } : { page }));
}

function valid(b: SourceBox) {
  return [b.left, b.top, b.right, b.bottom].every(Number.isFinite) && b.right > b.left && b.bottom > b.top;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

function union(boxes: SourceBox[]) {
  return {
    left: clamp(Math.min(...boxes.map((b) => b.left))),
    top: clamp(Math.min(...boxes.map((b) => b.top))),
    right: clamp(Math.max(...boxes.map((b) => b.right))),
    bottom: clamp(Math.max(...boxes.map((b) => b.bottom))),
  };
}

/** A run of lines shown as one table (rows of cells), or one line shown as a paragraph. */
export type LineBlock = { start: number } & (
  | { kind: 'table'; table?: number; rows: string[][] }
  | { kind: 'paragraph'; text: string }
);

/**
 * Word: consecutive lines of the same table make one table, other lines are paragraphs. Text:
 * consecutive lines of several (tab-separated) cells make a table.
 */
export function lineBlocks(lines: SourceLine[] | undefined): LineBlock[] {
  const out: LineBlock[] = [];
  (lines ?? []).forEach((line, start) => {
    const last = out[out.length - 1];
    const tabular = line.table !== undefined || line.cells.length > 1;
    if (!tabular) out.push({ start, kind: 'paragraph', text: line.cells.join(' ') });
    else if (last?.kind === 'table' && last.table === line.table) last.rows.push(line.cells);
    else out.push({ start, kind: 'table', table: line.table, rows: [line.cells] });
  });
  return out;
}
