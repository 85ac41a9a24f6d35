/**
 * Phase 0 of reading a matrix: a matrix written as one wide table, a recommendation per row —
 * "Evaluation recommendation | Management response | Key actions | Responsible unit(s) |
 * Timeframe | Status | Comments", the recommendation's cells filled on its first row and its
 * further key actions on the rows below — unfolded into the lines of the usual layout: a heading,
 * labelled lines, and a key-action table of its own. Every line keeps where it came from.
 */
import { foldText } from '../../../lib/text.js';
import { dropStruck, type MatrixLine } from './lines.js';

type WideColumn =
  | 'number'
  | 'recommendation'
  | 'addressedTo'
  | 'priority'
  | 'response'
  | 'keyActions'
  | 'responsible'
  | 'timeframe'
  | 'status'
  | 'comments';

/** What a header cell names, tried in this order. */
const HEADER_CELLS: [WideColumn, RegExp][] = [
  ['number', /^(?:#|no\.?|n°|nº|num(?:ber|ero|éro)?\.?|ref\.?)$/],
  ['addressedTo', /recommendation\s+(?:addressed\s+)?to|addressed\s+to|adressee?\s+a|dirigida\s+a/],
  ['priority', /^(?:priority|priorite|prioridad|niveau\s+de\s+priorite|nivel\s+de\s+prioridad)/],
  ['response', /management\s+response|reponse\s+de\s+la|respuesta\s+de\s+la/],
  [
    'recommendation',
    /^(?:evaluation\s+)?(?:recomm?[ae]ndations?|recomendacion(?:es)?|raccomandazion[ei])(?:\(s\))?(?:\s+(?:de\s+l'evaluation|de\s+la\s+evaluacion|of\s+the\s+evaluation))?\s*(?:#|no\.?|n°)?\s*(?:\([^)]*\))?$/,
  ],
  [
    'keyActions',
    /^(?:key\s+actions?|(?:follow[\s-]*up|planned|proposed|agreed|management)\s+actions?|actions?(?:\s*\(s\))?(?:\s+(?:to\s+be\s+taken|planned|prevues|cles?))?$|actions?\s+cles?|acciones(?:\s+clave)?)/,
  ],
  ['responsible', /responsib|responsable/],
  ['timeframe', /timeframe|time\s*frame|deadline|timeline|delai|echeance|calendrier|plazo|calendario/],
  ['comments', /^(?:comments?|commentaires?|comentarios?)\b/],
  ['status', /status|statut|estado/],
];

const cellText = (cell: string) =>
  foldText(dropStruck(cell))
    .replace(/^\s*\((?:time|temps|tiempo|tempo)\s*\d{1,2}\)\s*/, '')
    .trim();

/** The columns a wide table's header names, or null when the row is no such header. */
function wideHeader(cells: string[]): (WideColumn | null)[] | null {
  const columns = cells.map((c) => {
    const f = cellText(c);
    if (!f || f.length > 160) return null;
    return HEADER_CELLS.find(([, re]) => re.test(f))?.[0] ?? null;
  });
  const has = (c: WideColumn) => columns.includes(c);
  return has('recommendation') && has('keyActions') && (has('response') || has('responsible'))
    ? columns
    : null;
}

/** "I. Text", "3) Text", "Recommendation 2: Text", "B – Text": the number and the text. */
function splitNumber(cell: string): { number: string | null; text: string } {
  const m = cell.match(/^\s*(\d{1,3}|[A-Z]|[IVXLC]{1,7})\s*[.):–-]\s+(?=\S)/);
  if (m) return { number: m[1], text: cell.slice(m[0].length) };
  return { number: null, text: cell };
}

/** A header cell as a label: its text without a trailing colon. */
const asLabel = (cell: string) => cell.replace(/\s*:\s*$/, '').replace(/\n/g, ' ');

/** Unfolds every wide table among the lines; other lines pass unchanged. */
export function unfoldWideTables(lines: MatrixLine[]): MatrixLine[] {
  const out: MatrixLine[] = [];
  let columns: (WideColumn | null)[] | null = null;
  let header: string[] = [];
  let table: number | undefined;
  for (const line of lines) {
    const found = line.table !== undefined ? wideHeader(line.cells) : null;
    if (found) {
      columns = found;
      header = line.cells;
      table = line.table;
      continue;
    }
    if (!columns || line.table !== table) {
      columns = null;
      out.push(line);
      continue;
    }
    const at = (c: WideColumn) => (columns as (WideColumn | null)[]).indexOf(c);
    const value = (c: WideColumn) => (at(c) >= 0 ? (line.cells[at(c)] ?? '').trim() : '');
    // The key-action part of the table, in its own columns.
    const actionColumns: WideColumn[] = ['keyActions', 'responsible', 'timeframe', 'status', 'comments'];
    const present = actionColumns.filter((c) => at(c) >= 0);
    const actionHeader = present.map((c) => header[at(c)]);
    const actionRow = present.map((c) => value(c));
    const recText = value('recommendation');
    const numberCell = value('number');
    const emit = (cells: string[]) => out.push({ ...line, cells });
    if (recText || numberCell) {
      const split = splitNumber(recText);
      const number = numberCell || split.number;
      emit([`Evaluation recommendation${number ? ` ${number}` : ''}: ${split.text}`]);
      for (const c of ['addressedTo', 'priority', 'response'] as WideColumn[]) {
        if (at(c) >= 0) emit([`${asLabel(header[at(c)])}: ${value(c)}`]);
      }
      emit(actionHeader);
    }
    if (actionRow.some(Boolean)) emit(actionRow);
  }
  return out;
}
