/**
 * The common form every matrix reader produces: lines of cells, in reading order. Pasted text
 * gives one line per text line with its tab-separated cells; Word gives one line per paragraph
 * and per table row (a cell may hold several paragraphs, joined by "\n"); PDF gives one line per
 * row of text, cut into columns where the key-action table has them.
 */
import { decodeEntities, squash } from '../../../lib/text.js';
import type { SourceBox, SourceLine } from '../model.js';

export interface MatrixLine {
  cells: string[];
  /** Where the line is in its source, for warnings: "line 12", "table 3, row 2", "page 2, line 7". */
  where: string;
  /** PDF: where the line sits on its page. */
  box?: SourceBox;
  /** The table (1, 2, …) the line is a row of, if any. */
  table?: number;
}

/**
 * Struck-through text (Word's w:strike, a line drawn through text in a PDF) is kept in the lines
 * between these two private-use characters: the review screen shows it struck, and reading a
 * value leaves it out (`dropStruck`), as a person reading the document would.
 */
export const STRUCK_START = '\uE000';
export const STRUCK_END = '\uE001';
export const struck = (text: string) => `${STRUCK_START}${text}${STRUCK_END}`;

/**
 * A cell without its struck-through text, and without the separators left dangling where a
 * choice was struck out ("accept/~~partially accept~~/~~reject~~" → "accept").
 */
export function dropStruck(cell: string): string {
  if (!cell.includes(STRUCK_START)) return cell;
  return (
    cell
      // Struck text that takes its separator with it ("~~Discarded /~~") takes no other.
      .replace(/\uE000[^\uE001]*(?:\uE001|$)/g, (m) =>
        /^\uE000\s*[/|]|[/|]\s*(?:\uE001)?$/.test(m) ? ' ' : '\uE002',
      )
      // A struck choice takes one separator with it: "A / ~B~ / C" → "A / C", "~A~/B" → "B".
      .replace(/\s*[/|]\s*\uE002|\uE002\s*[/|]\s*/g, '')
      .replace(/\uE002/g, '')
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/ +([.,;:])/g, '$1')
      .replace(/ +\n|\n +/g, '\n')
      .trim()
  );
}

/** The struck-through parts of a cell, as written. */
export function struckParts(cell: string): string[] {
  return [...cell.matchAll(/\uE000([^\uE001]*)(?:\uE001|$)/g)].map((m) => m[1].trim()).filter(Boolean);
}

/** A line as the review screen shows it beside the original. */
export function sourceLine(line: MatrixLine): SourceLine {
  const out: SourceLine = { cells: line.cells, where: line.where };
  if (line.box) out.box = line.box;
  if (line.table !== undefined) out.table = line.table;
  return out;
}

const BLOCK_TAG = /<\s*(?:br|\/p|\/li|li|\/div|p|div|ol|ul|\/ol|\/ul)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
// "<ol>1. First item.2. Second item" → the items, one per line.
const GLUED_ITEM = /([.;:!?])\s*(\d{1,2})\.\s+(?=\p{Lu})/gu;

/** Removes leaked HTML tags and entities and collapses spaces, keeping line breaks. */
export function cleanCell(cell: string): string {
  return decodeEntities(cell.replace(ANY_TAG, '')).split('\n').map(squash).join('\n').trim();
}

/** Splits pasted text into lines of tab-separated cells, turning leaked list markup into line breaks. */
export function textToLines(input: string): MatrixLine[] {
  const raw = input
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
  const out: MatrixLine[] = [];
  raw.split('\n').forEach((rawLine, i) => {
    const isList = /<\s*(?:ol|ul|li)\b/i.test(rawLine);
    // A tab before the trailing blanks. Not /[\t ]+$/: it retries at every blank, quadratic on long runs.
    let end = rawLine.length;
    while (end > 0 && (rawLine[end - 1] === ' ' || rawLine[end - 1] === '\t')) end--;
    const hasTabs = end > 0 && rawLine.lastIndexOf('\t', end - 1) >= 0;
    let pieces = hasTabs ? [rawLine.replace(BLOCK_TAG, ' ')] : rawLine.split(BLOCK_TAG);
    if (isList && !hasTabs) {
      pieces = pieces.flatMap((p) => p.replace(GLUED_ITEM, '$1\n$2. ').split('\n'));
    } else if (isList) {
      pieces = pieces.map((p) => p.replace(GLUED_ITEM, '$1 $2. '));
    }
    for (const piece of pieces) {
      const cells = piece.split('\t').map(cleanCell);
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      out.push({ cells, where: `line ${i + 1}` });
    }
  });
  return out;
}

/** A line as text: cells separated by tabs, as it would be pasted. */
export function lineText(line: MatrixLine): string {
  return line.cells.join('\t');
}
