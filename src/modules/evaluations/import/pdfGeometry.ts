/**
 * The geometry of a PDF page, as a reader of it sees it: the tables its drawn lines make (rows,
 * columns, merged cells), and the text struck through by a line. Pure functions over what the
 * pdf.js worker gives (pdfText.worker.mjs): pieces of text with their baseline position, and
 * straight lines `[x0, y0, x1, y1, thickness]` in page space (y grows upwards).
 */

export interface Piece {
  x: number;
  y: number;
  width: number;
  height: number;
  str: string;
}

export type Rule = [number, number, number, number, number];

/** A cell of a table: its place in the grid, its span, and its box in page space. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface GridTable {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom. */
  ys: number[];
  cells: GridCell[];
}

/** How close two lines must be to meet, or two positions to be one boundary. */
const NEAR = 2.5;
/** Shortest line that counts as a border (a struck short word is shorter, but is not a border). */
const MIN_BORDER = 8;

const isHorizontal = (r: Rule) => r[3] - r[1] < 1;
const isVertical = (r: Rule) => r[2] - r[0] < 1 && r[3] - r[1] >= 1;

/** Collinear pieces of one line (Word draws a border cell by cell) joined into one. */
function joinCollinear(rules: Rule[], horizontal: boolean): Rule[] {
  const at = horizontal ? 1 : 0;
  const from = horizontal ? 0 : 1;
  const to = horizontal ? 2 : 3;
  const sorted = [...rules].sort((a, b) => a[at] - b[at] || a[from] - b[from]);
  const out: Rule[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[at] - r[at]) <= 1 && r[from] <= last[to] + NEAR) {
      last[to] = Math.max(last[to], r[to]);
    } else out.push([...r] as Rule);
  }
  return out;
}

/** Groups values closer than NEAR into one (their mean). */
function clusters(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= NEAR) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number) {
    this.parent[this.find(a)] = this.find(b);
  }
}

/**
 * The tables a page's lines draw: sets of horizontal and vertical lines that meet, with at least
 * two of each, cut into a grid; neighbouring grid cells with no line between them are one cell.
 */
export function findTables(rules: Rule[]): GridTable[] {
  const hs = joinCollinear(rules.filter(isHorizontal), true).filter((r) => r[2] - r[0] >= MIN_BORDER);
  const vs = joinCollinear(rules.filter(isVertical), false).filter((r) => r[3] - r[1] >= MIN_BORDER);
  const all = [...hs, ...vs];
  const uf = new UnionFind(all.length);
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j];
      if (v[0] >= h[0] - NEAR && v[0] <= h[2] + NEAR && h[1] >= v[1] - NEAR && h[1] <= v[3] + NEAR)
        uf.union(i, hs.length + j);
    }
  }
  const groups = new Map<number, Rule[]>();
  all.forEach((r, i) => {
    const root = uf.find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  const tables: GridTable[] = [];
  for (const group of groups.values()) {
    const gh = group.filter(isHorizontal);
    const gv = group.filter((r) => !isHorizontal(r));
    if (gh.length < 2 || gv.length < 2) continue;
    const table = grid(gh, gv);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => b.top - a.top);
}

function grid(hs: Rule[], vs: Rule[]): GridTable | null {
  const xs = clusters(vs.map((v) => v[0]));
  const ys = clusters(hs.map((h) => h[1])).reverse();
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const hasV = (x: number, y0: number, y1: number) => {
    const mid = (y0 + y1) / 2;
    return vs.some((v) => Math.abs(v[0] - x) <= NEAR && v[1] <= mid && v[3] >= mid);
  };
  const hasH = (y: number, x0: number, x1: number) => {
    const mid = (x0 + x1) / 2;
    return hs.some((h) => Math.abs(h[1] - y) <= NEAR && h[0] <= mid && h[2] >= mid);
  };
  const uf = new UnionFind(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !hasV(xs[c + 1], ys[r + 1], ys[r])) uf.union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hasH(ys[r + 1], xs[c], xs[c + 1])) uf.union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = uf.find(r * cols + c);
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        s.r0 = Math.min(s.r0, r);
        s.r1 = Math.max(s.r1, r);
        s.c0 = Math.min(s.c0, c);
        s.c1 = Math.max(s.c1, c);
      }
    }
  }
  const cells: GridCell[] = [...spans.values()]
    .map((s) => ({
      row: s.r0,
      col: s.c0,
      rowSpan: s.r1 - s.r0 + 1,
      colSpan: s.c1 - s.c0 + 1,
      left: xs[s.c0],
      right: xs[s.c1 + 1],
      top: ys[s.r0],
      bottom: ys[s.r1 + 1],
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { left: xs[0], right: xs[cols], top: ys[0], bottom: ys[rows], xs, ys, cells };
}

/** Whether a piece's text position falls inside a box (its baseline a little above the box's bottom). */
export function inside(p: Piece, box: { left: number; right: number; top: number; bottom: number }): boolean {
  const cx = p.x + Math.min(p.width, p.height) / 2;
  const cy = p.y + p.height * 0.3;
  return cx >= box.left - 1 && cx <= box.right + 1 && cy <= box.top + 1 && cy >= box.bottom - 1;
}

/** Width of characters relative to each other (Helvetica-like proportions), to place words inside a piece. */
function charWidth(ch: string): number {
  if (ch === ' ') return 0.28;
  if (/[il.,;:'!|]/.test(ch)) return 0.25;
  if (/[fjrt()[\]/-]/.test(ch)) return 0.34;
  if (/[mwMW]/.test(ch)) return 0.85;
  if (/[A-Z]/.test(ch)) return 0.68;
  return 0.55;
}

/**
 * The piece's text with the words a horizontal line crosses at mid-height (a strike-through, not
 * an underline or a border) wrapped in `mark`. Word positions inside a piece are estimated from
 * character proportions, so a word counts as struck when most of it lies under the line.
 */
export function markStruck(p: Piece, lines: Rule[], mark: (text: string) => string): string {
  const strikes = lines.filter(
    (r) =>
      r[1] > p.y + p.height * 0.12 &&
      r[1] < p.y + p.height * 0.6 &&
      r[0] < p.x + p.width - 1 &&
      r[2] > p.x + 1 &&
      r[2] - r[0] < 600,
  );
  if (strikes.length === 0) return p.str;
  const chars = [...p.str];
  const units = chars.map(charWidth);
  const total = units.reduce((s, u) => s + u, 0) || 1;
  const scale = p.width / total;
  // Words with their estimated extent.
  const words: { text: string; from: number; to: number }[] = [];
  let x = p.x;
  let cur: { text: string; from: number; to: number } | null = null;
  chars.forEach((ch, i) => {
    const w = units[i] * scale;
    const sep = /[\s/|.,;:()]/.test(ch);
    if (sep) {
      if (cur) words.push(cur);
      cur = null;
      words.push({ text: ch, from: x, to: x + w });
    } else if (cur) {
      cur.text += ch;
      cur.to = x + w;
    } else cur = { text: ch, from: x, to: x + w };
    x += w;
  });
  if (cur) words.push(cur);
  const isStruck = (w: { text: string; from: number; to: number }) => {
    if (/^[\s/|.,;:()]$/.test(w.text)) return false;
    const covered = strikes.reduce(
      (s, r) => s + Math.max(0, Math.min(r[2], w.to) - Math.max(r[0], w.from)),
      0,
    );
    return covered >= (w.to - w.from) * 0.6;
  };
  let out = '';
  let run = '';
  const flush = () => {
    if (run) out += mark(run);
    run = '';
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (isStruck(w)) {
      run += w.text;
      continue;
    }
    // A space between two struck words stays inside the struck run.
    if (run && w.text === ' ' && words[i + 1] && isStruck(words[i + 1])) {
      run += w.text;
      continue;
    }
    flush();
    out += w.text;
  }
  flush();
  return out;
}

/**
 * A piece of text that runs across a table's column border (some PDF writers draw two cells'
 * text in one go) cut at the border, each part in its own cell. Where the cut falls inside the
 * text is estimated from character proportions, then moved to the nearest space.
 */
export function splitAtBorders(p: Piece, table: GridTable): Piece[] {
  const inner = table.xs.slice(1, -1).filter((x) => x > p.x + 3 && x < p.x + p.width - 3);
  if (inner.length === 0 || p.str.length < 2) return [p];
  const chars = [...p.str];
  const units = chars.map(charWidth);
  const total = units.reduce((sum, u) => sum + u, 0) || 1;
  const scale = p.width / total;
  const out: Piece[] = [];
  let start = 0;
  let x = p.x;
  let pos = p.x;
  let border = 0;
  for (let i = 0; i < chars.length && border < inner.length; i++) {
    pos += units[i] * scale;
    if (pos < inner[border]) continue;
    // Cut at the nearest space within a few characters, else here.
    let cut = i + 1;
    for (let d = 0; d <= 3; d++) {
      if (chars[i + 1 + d] === ' ') {
        cut = i + 1 + d;
        break;
      }
      if (i - d > start && chars[i - d] === ' ') {
        cut = i - d;
        break;
      }
    }
    const width = units.slice(start, cut).reduce((sum, u) => sum + u, 0) * scale;
    out.push({ ...p, x, width, str: chars.slice(start, cut).join('') });
    x += width;
    start = cut;
    border++;
  }
  out.push({ ...p, x, width: p.x + p.width - x, str: chars.slice(start).join('') });
  return out.filter((q) => q.str.trim() !== '');
}
