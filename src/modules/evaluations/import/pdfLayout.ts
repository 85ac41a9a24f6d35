/**
 * A PDF's pages laid out as lines of cells, as a careful reader sees them: tables rebuilt from
 * their drawn borders (each row a line, each cell its text, wrapped lines joined and paragraphs
 * kept), a row cut by a page break joined again, a header row repeated on each page read once,
 * page furniture (running titles, "Page 5 of 6", page numbers) left out, struck-through words
 * marked, and text outside tables read row by row. Each line keeps where it was on its page.
 */
import type { SourceBox } from '../model.js';
import { cleanCell, type MatrixLine, struck } from './lines.js';
import {
  findTables,
  type GridCell,
  type GridTable,
  inside,
  markStruck,
  type Piece,
  type Rule,
  splitAtBorders,
} from './pdfGeometry.js';
import { continues, joinCut, joinWrapped, STARTS_ITEM } from './pdfJoin.js';

export { continues, hyphenatedWords, joinWrapped } from './pdfJoin.js';

export interface PageData {
  pieces: Piece[];
  rules: Rule[];
  viewport: { width: number; height: number; transform: number[] };
}

/** A line of one page before the pages are put together. */
interface Block {
  cells: string[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The table it is a row of (its index on the page), and that table's grid. */
  table?: GridTable;
  /** For a row: whether it reaches the table's last border (a page break may have cut it). */
  lastRow?: boolean;
  furniture?: boolean;
  /** For a line outside tables: its pieces. */
  pieces?: Piece[];
}

const HEADER_WORDS: [string, RegExp][] = [
  ['text', /^(?:key\s+actions?|actions?\s+cl[eé]s?|acciones\s+clave)$/i],
  ['timeframe', /timeframe|time\s*frame|deadline|d[ée]lai|[ée]ch[ée]ance|plazo|fecha/i],
  ['responsible', /responsib|responsable/i],
  [
    'comments',
    /comments?|action\s+taken|commentaires?|comentarios?|implementation\s+monitoring|suivi|seguimiento/i,
  ],
  ['status', /^(?:status|statut|estado)$/i],
];

/** Headings and labels are content even at the top of a page, repeated or not. */
const LOOKS_LIKE_CONTENT =
  /recomm?[ae]nda|recomendaci|raccomandazion|:\s*\S|^(?:key\s+actions?|actions?\s+cl[eé]s?|acciones\s+clave)\b/i;

const PAGE_NUMBER =
  /^(?:(?:page|p\.|pág\.?|página|pagina|seite)\s*)?\d{1,4}(?:\s*(?:of|de|sur|\/|von|di|sobre)\s*\d{1,4})?$/i;

/** Groups pieces into visual lines (same baseline, within a tolerance), top to bottom. */
export function visualLines(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: Piece[][] = [];
  for (const p of sorted) {
    const row = out[out.length - 1];
    if (row && Math.abs(row[0].y - p.y) <= Math.max(2, p.height * 0.4)) row.push(p);
    else out.push([p]);
  }
  return out.map((r) => r.sort((a, b) => a.x - b.x));
}

/** Joins pieces into text, with a space where pdf.js split words apart. */
function joinPieces(pieces: Piece[], texts: Map<Piece, string>): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const p of pieces) {
    const s = texts.get(p) ?? p.str;
    const gap = p.x - end;
    if (text && gap > Math.max(1, p.height * 0.15) && !text.endsWith(' ') && !s.startsWith(' ')) text += ' ';
    text += s;
    end = p.x + p.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads a document's pages into lines. `hyphenated` holds the words written with a hyphen somewhere in it. */
export class PdfLayout {
  private lines: MatrixLine[] = [];
  private tableNo = 0;
  /** The table the last line was a row of, and the rows it started with (its header). */
  private openTable: {
    id: number;
    /** Its first row, and the second when it looks like a header too: what a page repeats. */
    header: string[];
    rows: number;
    /** Its column boundaries where it started: later rows are put in these columns. */
    xs: number[];
    left: number;
    right: number;
  } | null = null;
  private lastRowReachedBottom = false;
  /** The grid of this page's first table when it continues the last page's table: its rows are realigned. */
  private continuedGrid: GridTable | null = null;
  /** Table rows kept on the page being laid out. */
  private rowsOnPage = 0;
  /** Columns of a borderless key-action table, found from its header and carried over pages. */
  private columns: number[] | null = null;
  private wrapped = false;

  /** `hyphenated`: the document's words, with and without hyphens (hyphenatedWords). */
  constructor(private hyphenated: Set<string> | Map<string, number>) {}

  /** Text that repeats in the top or bottom margin on several pages, digits set aside. */
  static furniture(pages: PageData[]): Set<string> {
    const seen = new Map<string, number>();
    pages.forEach((page, i) => {
      const keys = new Set<string>();
      for (const line of visualLines(page.pieces.filter((p) => p.str.trim()))) {
        const top = toBox(page, 0, line[0].x, line[0].y + line[0].height, line[0].x, line[0].y).top;
        if (top < 0.12 || top > 0.86) keys.add(furnitureKey(line, i + 1, pages.length, top));
      }
      for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    });
    const repeated = new Set<string>();
    const enough = Math.max(2, Math.ceil(pages.length * 0.3));
    for (const [k, n] of seen) if (n >= enough && k) repeated.add(k);
    return repeated;
  }

  /** Lays out one page (pages in order) and returns nothing; `result()` gives every line. */
  addPage(page: PageData, pageNo: number, repeated: Set<string>, pages = pageNo): void {
    const tables = findTables(page.rules);
    const strikes = page.rules.filter((r) => r[3] - r[1] < 1);
    const pieces = page.pieces.flatMap((p): { q: Piece; table: GridTable | undefined }[] => {
      const table = p.str.trim() ? tables.find((t) => inside(p, t)) : undefined;
      return table ? splitAtBorders(p, table).map((q) => ({ q, table })) : [{ q: p, table }];
    });
    const texts = new Map<Piece, string>();
    for (const { q } of pieces) texts.set(q, markStruck(q, strikes, struck));
    const free: Piece[] = [];
    const inCells = new Map<GridCell, Piece[]>();
    for (const { q: p, table } of pieces) {
      if (!p.str.trim()) continue;
      const cell = table?.cells.find((c) => inside(p, c));
      if (cell) inCells.set(cell, [...(inCells.get(cell) ?? []), p]);
      else free.push(p);
    }
    const blocks: Block[] = [];
    for (const line of visualLines(free)) {
      const first = line[0];
      const last = line[line.length - 1];
      const box = toBox(page, pageNo, first.x, first.y + first.height, last.x + last.width, first.y);
      const key = furnitureKey(line, pageNo, pages, box.top);
      const text = joinPieces(line, texts);
      const inMargin = box.top < 0.12 || box.bottom > 0.86;
      const furniture =
        inMargin && (PAGE_NUMBER.test(text) || (repeated.has(key) && !LOOKS_LIKE_CONTENT.test(text)));
      blocks.push({
        cells: [text],
        top: first.y + first.height,
        bottom: first.y,
        left: first.x,
        right: last.x + last.width,
        furniture,
        pieces: line,
      });
    }
    for (const table of tables) {
      const rows = table.ys.length - 1;
      for (let r = 0; r < rows; r++) {
        const cells: string[] = [];
        for (const cell of table.cells) {
          if (cell.row !== r) continue;
          // Columns a cell merged from a row above covers stay empty, as Word's reading leaves them.
          while (cells.length < cell.col) cells.push('');
          cells.push(this.cellText(inCells.get(cell) ?? [], cell, texts));
          for (let k = 1; k < cell.colSpan; k++) cells.push('');
        }
        const cols = table.xs.length - 1;
        while (cells.length < cols) cells.push('');
        if (cells.every((c) => c === '')) continue;
        const bottom = Math.min(
          ...table.cells.filter((c) => c.row === r).map((c) => (c.rowSpan > 1 ? table.ys[r + 1] : c.bottom)),
        );
        blocks.push({
          cells,
          top: table.ys[r],
          bottom,
          left: table.left,
          right: table.right,
          table,
          lastRow:
            r === rows - 1 ||
            table.cells.some((c) => c.row <= r && c.row + c.rowSpan >= rows && c.rowSpan > 1),
        });
      }
    }
    blocks.sort((a, b) => b.top - a.top || a.left - b.left);
    const body = blocks.filter((b) => !b.furniture);
    const right = Math.max(0, ...body.map((b) => b.right));
    let lineNo = 0;
    this.rowsOnPage = 0;
    body.forEach((b) => {
      lineNo++;
      const where = `page ${pageNo}, line ${lineNo}`;
      const box = toBox(page, pageNo, b.left, b.top, b.right, b.bottom);
      if (b.table) this.addRow(b, where, box);
      else this.addFreeLine(b.pieces ?? [], texts, right, where, box);
    });
    const lastBody = body[body.length - 1];
    this.lastRowReachedBottom = Boolean(lastBody?.table && lastBody.lastRow);
  }

  result(): MatrixLine[] {
    return this.lines;
  }

  /** A table row: a new line, the rest of the row a page break cut, or a repeated header left out. */
  private addRow(b: Block, where: string, box: SourceBox) {
    const table = b.table as GridTable;
    const firstOnPage = this.rowsOnPage === 0;
    const open = this.openTable;
    // The same table continued (on this page or the next): the same outer edges. Its columns
    // may be drawn differently on the next page (a merged cell no longer splits them).
    const edges =
      open !== null && Math.abs(open.left - table.left) < 6 && Math.abs(open.right - table.right) < 6;
    if (firstOnPage) this.continuedGrid = edges ? table : null;
    const continued = edges && this.continuedGrid === table;
    const sameTable = continued || (edges && open?.xs.length === table.xs.length);
    // A grid with as many columns or more becomes the table's; one with fewer is put into its columns.
    if (open && continued && table.xs.length >= open.xs.length) open.xs = table.xs;
    const cells = open && continued ? realign(b.cells, table.xs, open.xs) : b.cells;
    const key = cells.map(normal).join('\t');
    if (open && sameTable && firstOnPage) {
      if (open.header.includes(key)) return; // the header row, repeated on this page
      const prev = this.lines[this.lines.length - 1];
      // (A header row at the foot of a page is whole: the table's rows start on the next.)
      const prevIsHeader = prev !== undefined && HEADER_WORDS[0][1].test(prev.cells[0]?.trim() ?? '');
      if (
        this.lastRowReachedBottom &&
        prev?.table === open.id &&
        !prevIsHeader &&
        continues(prev.cells, cells)
      ) {
        prev.cells = prev.cells.map((c, i) => joinCut(c, cells[i] ?? '', this.hyphenated));
        return;
      }
    }
    if (!open || !sameTable) {
      this.tableNo++;
      this.openTable = {
        id: this.tableNo,
        header: [key],
        rows: 1,
        xs: table.xs,
        left: table.left,
        right: table.right,
      };
      this.continuedGrid = null;
    } else {
      // A second header row (the sub-header under a merged cell) is repeated with the first.
      if (open.rows === 1 && isHeaderLike(cells)) open.header.push(key);
      open.rows++;
    }
    this.lines.push({ cells, where, box, table: this.tableNo });
    this.rowsOnPage++;
    this.wrapped = false;
  }

  /** Text outside tables: the key-action columns of a borderless table, or a row cut at wide gaps. */
  private addFreeLine(row: Piece[], texts: Map<Piece, string>, right: number, where: string, box: SourceBox) {
    this.openTable = null;
    const words = row.map((p) => p.str.trim());
    const isHeader =
      HEADER_WORDS[0][1].test(words[0] ?? '') &&
      words.slice(1).some((t) => HEADER_WORDS[1][1].test(t) || HEADER_WORDS[2][1].test(t));
    if (isHeader) {
      this.columns = row.filter((p) => p.str.trim() !== '').map((p) => p.x);
      this.lines.push({
        cells: row.filter((p) => p.str.trim() !== '').map((p) => cleanCell(p.str)),
        where,
        box,
      });
      this.wrapped = false;
      return;
    }
    const first = joinPieces([row[0]], texts);
    if (/^(?:evaluation\s+)?recomm?[ae]nda(?:tion|ción)\s*(?:#|n°|nº)?\s*\w/i.test(first))
      this.columns = null;
    if (this.columns) {
      const cols = this.columns;
      const cells: Piece[][] = cols.map(() => []);
      for (const p of row) {
        let i = cols.length - 1;
        while (i > 0 && p.x < cols[i] - 4) i--;
        cells[i].push(p);
      }
      this.lines.push({ cells: cells.map((c) => joinPieces(c, texts)), where, box });
      this.wrapped = false;
      return;
    }
    // Cut the row where a wide gap separates two labels ("… \u2003 Priority level: 2").
    const groups: Piece[][] = [[row[0]]];
    for (let i = 1; i < row.length; i++) {
      const prev = row[i - 1];
      if (row[i].x - (prev.x + prev.width) > Math.max(24, prev.height * 2.5)) groups.push([row[i]]);
      else groups[groups.length - 1].push(row[i]);
    }
    const cells = groups.map((g) => joinPieces(g, texts));
    const prev = this.lines[this.lines.length - 1];
    if (
      this.wrapped &&
      prev &&
      prev.table === undefined &&
      prev.cells.length === 1 &&
      cells.length === 1 &&
      !STARTS_ITEM.test(cells[0])
    ) {
      prev.cells[0] = joinWrapped(prev.cells[0], cells[0], this.hyphenated);
      if (prev.box)
        prev.box = { ...prev.box, bottom: box.bottom, right: Math.max(prev.box.right, box.right) };
    } else this.lines.push({ cells, where, box });
    const last = row[row.length - 1];
    this.wrapped = groups.length === 1 && last.x + last.width > right - 60;
  }

  /** A cell's text: its visual lines, wrapped ones joined, paragraphs on lines of their own. */
  private cellText(pieces: Piece[], cell: GridCell, texts: Map<Piece, string>): string {
    const lines = visualLines(pieces);
    // Text keeps as far from the right border as from the left one (the cell's padding).
    const padding = Math.max(0, Math.min(...pieces.map((p) => p.x)) - cell.left);
    const edge = cell.right - padding;
    let text = '';
    let prevEnd = 0;
    for (const line of lines) {
      const t = joinPieces(line, texts);
      if (!t) continue;
      const first = line[0];
      // (A dash or other mark alone goes with the word after it: the line could not break between them.)
      const firstWord = t.match(/^(?:[–—\-•·]\s+)?\S+/)?.[0] ?? t;
      const wordWidth =
        (first.width * firstWord.length) / Math.max(1, (texts.get(first) ?? first.str).length);
      // The line above ended short of the edge though this line's first word would have fitted: a new paragraph.
      const fits = prevEnd + first.height * 0.25 + wordWidth < edge - 1;
      if (!text) text = t;
      else if (fits || STARTS_ITEM.test(t) || /[:]$/.test(text)) text += `\n${t}`;
      else text = joinWrapped(text, t, this.hyphenated);
      const last = line[line.length - 1];
      prevEnd = last.x + last.width;
    }
    return cleanCell(text);
  }
}

/** Text with digits set aside, to find running titles and page numbers repeated on pages. */
function furnitureKey(line: Piece[], pageNo: number, pages: number, top: number): string {
  // Furniture sits at the same height on every page: the height is part of the key (2 % steps).
  return `${Math.round(top * 50)}@${line
    .map((p) => p.str)
    .join(' ')
    // The page's number and the number of pages change from page to page; other numbers do not.
    .replace(/\d+/g, (n) => (Number(n) === pageNo || Number(n) === pages ? '#' : n))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()}`;
}

/** A row's cells (in the columns `from` bounds) moved into the columns `to` bounds, by position. */
function realign(cells: string[], from: number[], to: number[]): string[] {
  const same = from.length === to.length && from.every((x, i) => Math.abs(x - to[i]) < 3);
  if (same) return cells;
  const out: string[] = Array.from({ length: to.length - 1 }, () => '');
  cells.forEach((c, i) => {
    if (!c) return;
    const left = from[i] ?? from[from.length - 2];
    let k = to.length - 2;
    while (k > 0 && to[k] > left + 3) k--;
    out[k] = out[k] ? `${out[k]}\n${c}` : c;
  });
  return out;
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** A row of header words (each filled cell short, no sentence). */
function isHeaderLike(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  return filled.length >= 2 && filled.every((c) => c.length < 60 && !/[.;]$/.test(c));
}

/** A box in page space as fractions of the page as shown. */
function toBox(page: PageData, pageNo: number, x0: number, y0: number, x1: number, y1: number): SourceBox {
  const [a, b, c, d, e, f] = page.viewport.transform;
  const p = (x: number, y: number) => [a * x + c * y + e, b * x + d * y + f];
  const [px0, py0] = p(x0, y0);
  const [px1, py1] = p(x1, y1);
  const w = page.viewport.width || 1;
  const h = page.viewport.height || 1;
  const clamp = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * 10000) / 10000;
  return {
    page: Math.max(1, pageNo),
    left: clamp(Math.min(px0, px1) / w),
    right: clamp(Math.max(px0, px1) / w),
    top: clamp(Math.min(py0, py1) / h),
    bottom: clamp(Math.max(py0, py1) / h),
  };
}
