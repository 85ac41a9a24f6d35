/**
 * Phase 1 of reading a matrix: the lines as the parser wants them. A cell of several paragraphs
 * alone on its line becomes one line per paragraph (as pasted text would be), labels that lost
 * their column break are cut apart, and lines that carry nothing are left out: blank lines, table
 * rules ("-----\t---"), and the matrix's own heading ("Management response matrix").
 *
 * Leaked HTML, entities and no-break spaces are already gone: the readers clean every cell
 * (`cleanCell`, `textToLines` in lines.ts). Template instruction text stays in the lines — the
 * source shown on the review screen keeps it — and each phase drops it where it reads a value
 * (matrixValues.ts).
 */
import { foldText } from '../../../lib/text.js';
import { Invalid } from '../../../server/errors.js';
import { dropStruck, type MatrixLine, struckParts } from './lines.js';

/** A line that carries something, as the later phases read it. */
export interface CleanLine {
  /** The line as read (a paragraph of a multi-paragraph cell is a line of its own): its source and where it is. */
  line: MatrixLine;
  /** The line as the reader gave it (a cell of several paragraphs not yet split), shown on the review screen. */
  read: MatrixLine;
  /** Which paragraph of that cell it is: 0 for the first (or a line not split), 1, 2… for the others. */
  paragraph: number;
  /** Its cells, trimmed, with run-together labels cut apart; empty cells stay, their position matters in tables. */
  cells: string[];
  /** The cells that are not empty, at least one. */
  filled: string[];
  /** The cells that are not empty, joined by spaces. */
  text: string;
  /** Struck-through text left out of the cells, other than answers struck out of a list of options. */
  struckOut: string[];
}

/** Options a template offers to strike out: striking them is how an answer is given. */
const OPTION =
  /^(?:[/|\s]*(?:accept(?:ed)?|partially\s+accept(?:ed)?|reject(?:ed)?|accepter|accepter\s+partiellement|rejeter|aceptar|aceptar\s+parcialmente|rechazar|discarded|open|completed|not\s+initiated|in\s+progress|initiated|yes|no|oui|non|si)[/|\s]*)+$/;

export const EMPTY_MATRIX = 'The file is empty: there is no matrix to import.';

const HEADINGS =
  /^(?:management\s+(?:follow[\s-]*up\s+)?response\s+(?:and\s+follow[\s-]*up\s+)?matrix|matrice\s+de\s+(?:suivi\s+de\s+la\s+)?reponse\s+de\s+la\s+direction|matriz\s+de\s+(?:seguimiento\s+de\s+la\s+)?respuesta\s+de\s+la\s+(?:administracion|direccion|gerencia)|management\s+response)(?:\s+(?:and\s+follow[\s-]*up|et\s+(?:de\s+)?suivi|y\s+(?:de\s+)?seguimiento))?\s*:?$/;

/**
 * The 2022 template marks when a field is filled: "(Time 0)" at the response, "(Time 2)" at the
 * follow-up. The markers say nothing about the matrix; they are left out before labels are read.
 */
const TIME_MARKER = /(^|\n)[ \t]*\((?:time|temps|tiempo|tempo)[ \t]*\d{1,2}\)[ \t]*/gi;

/**
 * Labels that share a row in the template ("Recommendation to: X | Priority level (1 to 3): 2")
 * arrive in one cell when the column break was lost (text from PDFs, some pastes): cut there.
 * A label ends where no letter follows (not `\b`, which sees no boundary after "(s)" or "é").
 */
const INLINE_LABEL =
  /\s(?=(?:priority\s+level|niveau\s+de\s+priorit[eé]|responsible\s+unit\(s\)|recommendation\s+to)(?![\p{L}\p{N}_])[^:\n]{0,40}:)/iu;

/** "Recommendation to: Unit A Priority level (1 to 3): 2" → the two labelled parts; other cells trimmed. */
export function splitInlineLabels(cell: string): string[] {
  // A loop, not recursion: a cell of thousands of labels must not overflow the stack.
  const out: string[] = [];
  let c = cell.trim();
  for (;;) {
    const m = c.match(INLINE_LABEL);
    if (!m || m.index === undefined || !c.slice(0, m.index).includes(':')) break;
    out.push(c.slice(0, m.index).trim());
    c = c.slice(m.index).trim();
  }
  out.push(c);
  return out;
}

/** Lines with one cell of several paragraphs become one line per paragraph, as pasted text would. */
function expand(lines: MatrixLine[]): { line: MatrixLine; read: MatrixLine; paragraph: number }[] {
  return lines.flatMap((read) => {
    const filled = read.cells.filter((c) => c.trim() !== '');
    if (filled.length === 1 && filled[0].includes('\n')) {
      return filled[0]
        .split('\n')
        .map((p, paragraph) => ({ line: { ...read, cells: [p.trim()] }, read, paragraph }));
    }
    return [{ line: read, read, paragraph: 0 }];
  });
}

/** The lines as read that these clean lines come from, each once, in order. */
export function readLines(lines: CleanLine[]): MatrixLine[] {
  const out: MatrixLine[] = [];
  for (const l of lines) if (out[out.length - 1] !== l.read) out.push(l.read);
  return out;
}

/** The lines that carry something, in reading order; refuses lines with no text at all. */
export function cleanLines(input: MatrixLine[]): CleanLine[] {
  const lines = expand(input);
  if (!lines.some(({ line }) => line.cells.some((c) => c.trim() !== '')))
    throw new Invalid(EMPTY_MATRIX).because('emptyMatrix');
  const out: CleanLine[] = [];
  for (const { line, read, paragraph } of lines) {
    // Struck-through text is not read: the reader meant it deleted.
    const cells = line.cells.flatMap((c) => splitInlineLabels(dropStruck(c).replace(TIME_MARKER, '$1')));
    const filled = cells.filter(Boolean);
    if (filled.length === 0) continue;
    const text = filled.join(' ');
    if (/^[-=_|+\s]+$/.test(text)) continue; // table rules such as "-----\t--\t---"
    if (HEADINGS.test(foldText(text))) continue;
    const struckOut = line.cells.flatMap(struckParts).filter((t) => !OPTION.test(foldText(t)));
    out.push({ line, read, paragraph, cells, filled, text, struckOut });
  }
  return out;
}
