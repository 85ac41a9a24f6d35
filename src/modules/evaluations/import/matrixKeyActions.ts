/**
 * Phase 5 of reading a matrix: a recommendation's key actions as rows, from the classic
 * template's table (its header gives the columns; a row broken over several lines continues the
 * last one) or from the 2022 template's bullets (a deadline in trailing parentheses). A row's
 * number may name several actions: "6.2 and 6.3", "6.2–6.4"; "8.1 Design … 8.2 Plan …" run
 * together in one cell is cut when the row becomes actions (`splitRunTogether`, phase 6).
 */
import { parseTimeframe } from '../../../lib/parseTimeframe.js';
import { foldText } from '../../../lib/text.js';
import { append, dropInstruction, isInstruction } from './matrixValues.js';

const TABLE_HEADER_CELL = {
  text: /^(?:key\s+actions?|actions?\s+cles?|acciones\s+clave|actions?|acciones)\b/,
  timeframe:
    /\b(?:timeframe|time\s*frame|deadline|timeline|delai|echeance|calendrier|plazo|fecha\s+limite|calendario)/,
  responsible: /\b(?:responsib|responsable)/,
  comments:
    /\b(?:comments?|action\s+taken|commentaires?|comentarios?|implementation\s+monitoring|suivi|seguimiento)/,
  status: /\b(?:status|statut|estado)\b/,
};

/** A column of the key-action table. */
export type Column = keyof typeof TABLE_HEADER_CELL;
/** The classic template's columns, in its order: what a table without a readable header has. */
export const DEFAULT_COLUMNS: Column[] = ['text', 'timeframe', 'responsible', 'comments', 'status'];

// What may follow a number: a space, the end, ":" or ")", or another number joined on without
// spaces ("6.2-6.4", "6.2,6.3").
// A recommendation's number is digits, a capital letter or Roman numerals: "2.1", "B.3", "IV.2".
const REC = String.raw`(?:\d{1,3}|[A-Z]|[IVXLC]{1,7})`;
const NUMBER_END = String.raw`\s|$|[:)]|[-–,&]\s*${REC}\.\d`;
const ACTION_NUMBER = new RegExp(String.raw`^(${REC}\.\d{1,3})\.?(?=${NUMBER_END}|[A-Za-z])`);
const NUMBER_JOINER = new RegExp(
  String.raw`^\s*(and|&|,|et|e|y|to|-|–)\s*(${REC}\.\d{1,3})\.?(?=${NUMBER_END})`,
);
const BULLET = /^\s*(?:[-•●▪◦*–·]|\(?[a-z]\)|\(?\d{1,2}[.)](?!\d))\s+/i;

/** One row of key actions as written: its numbers and its cells by column. */
export interface ActionRow {
  where: string;
  numbers: string[];
  cols: Record<Column, string>;
}

/** A header cell folded, without the 2022 template's "(Time 0)" marker. */
const headerText = (cell: string) =>
  foldText(cell).replace(/^\s*\((?:time|temps|tiempo|tempo)\s*\d{1,2}\)\s*/, '');

/** "Key actions | Timeframe | Responsible unit(s) | …" (English, French or Spanish): the table's header row. */
export function isTableHeader(cells: string[]): boolean {
  const folded = cells.map(headerText);
  if (
    !TABLE_HEADER_CELL.text.test(folded[0] ?? '') ||
    /:\s*\S/.test(folded[0]) ||
    /:$/.test(folded[0].trim())
  )
    return false;
  return (
    folded
      .slice(1)
      .some((c) => TABLE_HEADER_CELL.timeframe.test(c) || TABLE_HEADER_CELL.responsible.test(c)) ||
    /^(?:key\s+actions?|actions?\s+cles?|acciones\s+clave)$/.test(folded[0].trim())
  );
}

/**
 * "\t\t\tComments\tStatus" right under the header: the second header row under a merged cell
 * ("Implementation monitoring"). Only a sub-header when it follows the header (phase 3 checks).
 */
export function looksLikeSubheader(cells: string[]): boolean {
  return (
    cells[0] === '' && cells.some((c) => /comment|status|statut|estado|action\s+taken/.test(headerText(c)))
  );
}

/**
 * "\tdeadline\tunit(s)" right under "Key actions | Timeframe or | Responsible": the second lines of
 * header cells that wrapped (pasted from Word, or a PDF row the layout did not join). The key-action
 * column is empty and every other cell is a word or three without figures: no action reads so.
 * Only a continuation when it follows the header (phase 3 checks).
 */
export function looksLikeHeaderContinuation(cells: string[]): boolean {
  const filled = cells.slice(1).filter((c) => c.trim());
  return (
    cells[0].trim() === '' &&
    filled.length > 0 &&
    filled.every((c) => {
      const words = c.trim().split(/\s+/);
      return words.length <= 3 && !/\d/.test(c) && !/[.;!?]$/.test(c.trim());
    })
  );
}

/**
 * The columns a header row names, the others taking the template's order. A sub-header
 * (`under` = the header's columns) only renames the columns it names.
 */
export function readColumns(cells: string[], under: Column[] | null): Column[] {
  const next: Column[] = under ? [...under] : [];
  cells.forEach((c, i) => {
    const f = headerText(c);
    if (!f) {
      // An empty cell right after a named one, in the header itself, is the rest of a merged cell.
      if (!under && i > 0 && next[i - 1]) next[i] = next[i - 1];
      return;
    }
    if (/^(?:comments?|commentaires?|comentarios?)\b/.test(f)) {
      next[i] = 'comments'; // "Comments on implementation status" is the comments, not the status
      return;
    }
    for (const col of ['timeframe', 'responsible', 'status', 'comments', 'text'] as Column[]) {
      if (TABLE_HEADER_CELL[col].test(f)) {
        next[i] = col;
        break;
      }
    }
  });
  if (!under) {
    // "Implementation monitoring" is a merged cell over comments and status.
    const monitoring = cells.findIndex((c) =>
      /implementation\s+monitoring|suivi|seguimiento/.test(headerText(c)),
    );
    if (monitoring >= 0 && next.filter((col) => col === 'status').length === 0)
      next[monitoring + 1] = 'status';
  }
  for (let i = 0; i < next.length; i++) if (!next[i]) next[i] = DEFAULT_COLUMNS[i] ?? 'comments';
  return next;
}

/** Puts a row's cells into its columns; paragraphs in a cell are one value, except in comments. */
function addCells(cols: Record<Column, string>, columns: Column[], cells: string[]) {
  cells.forEach((c, i) => {
    const col = columns[i];
    // (?<!\s): a match starts only where blanks start, or a long run of them is rescanned (quadratic).
    const v = col === 'comments' ? c : c.replace(/(?<!\s)\s*\n\s*/g, ' ');
    if (col && v) cols[col] = append(cols[col] || null, v, col === 'comments' && cols[col] ? '\n' : ' ');
  });
}

function newRow(where: string, numbers: string[], columns: Column[], cells: string[]): ActionRow {
  const cols: Record<Column, string> = { text: '', timeframe: '', responsible: '', comments: '', status: '' };
  addCells(cols, columns, cells);
  return { where, numbers, cols };
}

/** Leading "6.2 and 6.3", "6.2-6.4", "6.2, 6.3" → numbers and the rest of the cell. */
export function readNumbers(cell: string): { numbers: string[]; rest: string } | null {
  const m = cell.match(ACTION_NUMBER);
  if (!m) return null;
  const numbers = [m[1]];
  let rest = cell.slice(m[0].length);
  for (;;) {
    const j = rest.match(NUMBER_JOINER);
    if (!j) break;
    const last = numbers[numbers.length - 1];
    const [maj, minText] = last.split('.');
    const [jmaj, jminText] = j[2].split('.');
    const min = Number(minText);
    const jmin = Number(jminText);
    if (/^(to|-|–)$/i.test(j[1]) && maj === jmaj && jmin > min && jmin - min <= 20) {
      for (let k = min + 1; k <= jmin; k++) numbers.push(`${maj}.${k}`);
    } else numbers.push(j[2]);
    rest = rest.slice(j[0].length);
  }
  return { numbers, rest: rest.replace(/^\s*[:.)–-]?\s*/, '') };
}

/**
 * A line of the key-action table (cells in `columns`): a numbered row, or the continuation of the
 * last row (page breaks, wrapped cells). A first row without a number is numbered `<rec>.1`, and
 * that number is returned so the caller can warn; otherwise null. In a real table (`row`: a Word
 * table's row, or one rebuilt from a PDF's borders) each row with a key action is an action of its
 * own, numbered `<rec>.<n>` when nothing numbers it.
 */
export function readTableLine(
  rows: ActionRow[],
  columns: Column[],
  cells: string[],
  where: string,
  recNumber: string,
  row = false,
): string | null {
  const nums = readNumbers(cells[0] ?? '');
  if (nums) {
    rows.push(newRow(where, nums.numbers, columns, [nums.rest, ...cells.slice(1)].map(dropInstruction)));
    return null;
  }
  const kept = cells.map(dropInstruction);
  if (kept.every((c) => c === '')) return null;
  const last = rows[rows.length - 1];
  if (row && kept[columns.indexOf('text')]) {
    rows.push(newRow(where, [`${recNumber}.${numbersIn(rows) + 1}`], columns, kept));
    return null;
  }
  if (last) {
    addCells(last.cols, columns, kept);
    return null;
  }
  const number = `${recNumber}.1`;
  rows.push(newRow(where, [number], columns, kept));
  return number;
}

/**
 * One bulleted key action: "- Train staff (Q2 2023)", "6.1 Plan … – deadline: June 2024". Its
 * number is the written one or the next of the recommendation's; `year` (the evaluation's) helps
 * tell a deadline in parentheses from other text.
 */
export function readBullet(
  rows: ActionRow[],
  raw: string,
  where: string,
  recNumber: string,
  year: number | null,
) {
  const v = raw.replace(BULLET, '').trim();
  if (!v || isInstruction(v)) return;
  const nums = readNumbers(v);
  let text = nums ? nums.rest : v;
  let timeframe = '';
  // Deadline in trailing parentheses: "Train staff (Q2 2023)"; a parenthesis that is no date stays text.
  // (Regexes here stay linear on long lines: no lazy prefix followed by blanks, which is quadratic.)
  const paren = text.match(/\(([^()]+)\)\s*[.;]?$/);
  if (paren) {
    const reading = parseTimeframe(paren[1], { year });
    const dateLike = /\d|\b(?:q|t|h|s)[1-4]\b|ongoing|continu|n\/a/i.test(foldText(paren[1]));
    if (reading.kind === 'window' || reading.fundingConditional || dateLike) {
      text = text.slice(0, paren.index).trim();
      timeframe = paren[1].trim();
    }
  } else {
    // "…; deadline: Q2 2024": the deadline comes after the last comma or semicolon.
    const cut = Math.max(text.lastIndexOf(','), text.lastIndexOf(';'), 0);
    const dl = text
      .slice(cut)
      .match(/(?<!\s)\s*(?:[-–—;,]\s*)?(?:deadline|échéance|delai|délai)\s*(?::\s*)?([^,;]+)$/i);
    if (dl && parseTimeframe(dl[1], { year }).kind === 'window') {
      text = text.slice(0, cut + (dl.index ?? 0)).trim();
      timeframe = dl[1].trim();
    }
  }
  const numbers = nums?.numbers ?? [`${recNumber}.${numbersIn(rows) + 1}`];
  rows.push({ where, numbers, cols: { text, timeframe, responsible: '', comments: '', status: '' } });
}

/**
 * How many action numbers `rows` hold. Rows are only ever appended, so each is counted once: summing
 * them all again for every bullet made a recommendation of many thousand bullets quadratic.
 */
const counted = new WeakMap<ActionRow[], { rows: number; numbers: number }>();
function numbersIn(rows: ActionRow[]): number {
  const count = counted.get(rows) ?? { rows: 0, numbers: 0 };
  for (; count.rows < rows.length; count.rows++) count.numbers += rows[count.rows].numbers.length;
  counted.set(rows, count);
  return count.numbers;
}

/** A line under "Key actions:": a new bullet or numbered action, or the last action's text continued. */
export function readBulletLine(
  rows: ActionRow[],
  text: string,
  where: string,
  recNumber: string,
  year: number | null,
) {
  const isBullet = BULLET.test(text) || ACTION_NUMBER.test(text);
  const last = rows[rows.length - 1];
  if (!isBullet && last && !isInstruction(text)) last.cols.text = append(last.cols.text, text, ' ');
  else readBullet(rows, text, where, recNumber, year);
}

/**
 * A row's text → one text per action: a row numbered "6.2 and 6.3" gives its text to both;
 * "8.1 Design … 8.2 Plan …" in one cell is cut at the next number of the same recommendation
 * (`split`: the row was cut there).
 */
export function splitRunTogether(
  numbers: string[],
  text: string,
  recNumber: string,
): { number: string; text: string; split: boolean }[] {
  if (numbers.length > 1) return numbers.map((number) => ({ number, text, split: false }));
  const out: { number: string; text: string; split: boolean }[] = [
    { number: numbers[0], text: '', split: false },
  ];
  let rest = text;
  for (;;) {
    const [prevMajor, prevMinor] = out[out.length - 1].number.split('.');
    const re = new RegExp(String.raw`(?:^|\s)(${REC})\.(\d{1,3})\.?\s+(?=\S)`, 'g');
    let found: RegExpExecArray | null = null;
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      if (m[1] === recNumber && m[1] === prevMajor && Number(m[2]) === Number(prevMinor) + 1) {
        found = m;
        break;
      }
    }
    if (!found) break;
    out[out.length - 1].text = rest.slice(0, found.index).trim();
    out.push({ number: `${found[1]}.${found[2]}`, text: '', split: true });
    rest = rest.slice(found.index + found[0].length);
  }
  out[out.length - 1].text = rest.trim();
  return out;
}
