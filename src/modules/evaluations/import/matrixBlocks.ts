/**
 * Phase 3 of reading a matrix: the lines cut into the evaluation's header and one block per
 * recommendation, each starting at its heading ("Evaluation recommendation 3:", "Evaluation
 * recommendation # 3", "Recommandation nº 3 –"), and each of a block's lines told apart: the
 * key-action table's header, a labelled line, or text. A heading-like line in the table's first
 * column is a row's continuation, not a new recommendation.
 */
import { foldText } from '../../../lib/text.js';
import type { CleanLine } from './matrixCleaning.js';
import { isTableHeader, looksLikeHeaderContinuation, looksLikeSubheader } from './matrixKeyActions.js';
import { matchRecLabel } from './matrixLabels.js';
import { afterFolded } from './matrixValues.js';

export const NO_RECOMMENDATION =
  'No recommendation found: this does not look like a management response matrix. Expected lines such as "Evaluation recommendation 1: …" followed by the management response and key actions.';

/**
 * A recommendation's heading, in English, French, Spanish or Italian: "Evaluation recommendation
 * 3:", "Evaluation recommendation # 3", "Recommandation nº 3 –", "Recomendación 3.", numbered
 * with digits, a letter ("Recommendation B") or Roman numerals ("Recommendation IV"), or not
 * numbered at all ("Recommendation: …", "Evaluation recommendation" alone in its cell). Matched
 * on folded text; the number is read from the text as written.
 */
const RECOMMENDATION =
  /^(?:evaluation\s+)?(?:recomm?[ae]nda(?:tion|cion|zione)|raccomandazione)(?![a-z])(?:\s+(?:de\s+(?:la\s+)?evaluacion|de\s+l'evaluation|of\s+the\s+evaluation))?\s*(?:#|no\.?|n°|nº|n\.|num\.?)?\s*(\d{1,3}|[a-z]|[ivxlc]{1,7})?\s*(?:[:.)–—-](?!\d)\s*|$)/;

/** A heading's number: as written, letters and Roman numerals in capitals; null when unnumbered. */
function headingNumber(l: CleanLine): { number: string | null; length: number; closing: string } | null {
  const original = l.filled[0];
  const folded = foldText(original);
  const m = folded.match(RECOMMENDATION);
  if (!m) return null;
  // A wrapped line ("… (see\nrecommendation #1) and …") starts in lower case; a heading does not.
  if (/^\p{Ll}/u.test(original.trim())) return null;
  const number = m[1] ?? null;
  // "Recommendation to: …", "Recommandation adressée à …" are labels, not headings.
  if (!number && !/^(?:evaluation\s+)?\S+\s*(?::\s*\S|:?\s*$)/.test(folded)) return null;
  const closing = m[0].trim().slice(-1);
  return { number: number ? number.toUpperCase() : null, length: m[0].length, closing };
}

/**
 * What a line of a recommendation is: the key-action table's header, the sub-header under its
 * merged cell ("Comments | Status" under "Implementation monitoring"), a line starting with a
 * recommendation label ("Priority level (1 to 3): 2"), or anything else.
 */
export type LineRole = 'tableHeader' | 'tableSubheader' | 'labels' | 'text';

export interface BlockLine extends CleanLine {
  role: LineRole;
}

export interface RecommendationBlock {
  /** The number in its heading: "3". */
  number: string;
  /** The heading line. */
  heading: CleanLine;
  /** The recommendation's text on its heading line: after the number, then the line's other cells. */
  text: string[];
  /** Numbered the 2022 template's way: "Evaluation recommendation # 3". */
  hashNumbered: boolean;
  /** The lines after the heading, up to the next recommendation. */
  lines: BlockLine[];
  /**
   * The key-action table's header read before this recommendation, in the same table: a matrix
   * that is one table names its columns once, at its top, for every recommendation.
   */
  carried: CarriedHeader | null;
}

/**
 * The table a line belongs to; pasted text has no tables, so all of it counts as one (a header at
 * its top names the columns of every recommendation under it, as in a matrix that is one table).
 */
export const tableOf = (line: { table?: number }) => line.table ?? -1;

export interface CarriedHeader {
  table: number;
  header: string[];
  subheader: string[] | null;
}

export interface MatrixBlocks {
  /** The lines before the first recommendation. */
  header: CleanLine[];
  recommendations: RecommendationBlock[];
}

/** Whether `next` may follow `prev` in a numbering (1 → 2, B → C, III → IV), or starts one. */
function follows(prev: string, next: string): boolean {
  if (/^\d+$/.test(next)) return Number(next) > Number(prev) || !/^\d+$/.test(prev);
  return next > prev || next.length !== prev.length;
}

/** "Recommendation to:" and other labels that only look like an unnumbered heading. */
function isLabelOnly(l: CleanLine, heading: { number: string | null }): boolean {
  if (heading.number !== null) return false;
  return matchRecLabel(l.filled[0]) !== null;
}

/** Cuts the lines into the header and the recommendations. */
export function cutRecommendations(lines: CleanLine[]): MatrixBlocks {
  const header: CleanLine[] = [];
  const recommendations: RecommendationBlock[] = [];
  let cur: RecommendationBlock | null = null;
  /** In the key-action table: since its header, no labelled line was read. */
  let inTable = false;
  /** The line before was the table's header (a sub-header may follow, even after a new heading). */
  let headerJustRead = false;
  /** The last key-action header read in a table (or the text), carried to the recommendations in it. */
  let carried: CarriedHeader | null = null;
  const remember = (l: CleanLine, sub: boolean) => {
    const table = tableOf(l.line);
    if (!sub) carried = { table, header: l.line.cells, subheader: null };
    else if (carried && carried.table === table) carried = { ...carried, subheader: l.line.cells };
  };

  for (const l of lines) {
    const heading = headingNumber(l);
    const isHeading =
      heading !== null &&
      !(l.cells[0] === '' && inTable) &&
      // "(see recommendation 1)" cut at the start of a line points back; it starts nothing.
      !(
        heading.closing === ')' &&
        cur !== null &&
        heading.number !== null &&
        !follows(cur.number, heading.number)
      ) &&
      !isLabelOnly(l, heading);
    if (heading && isHeading) {
      cur = {
        number: heading.number ?? String(recommendations.length + 1),
        heading: l,
        text: [afterFolded(l.filled[0], heading.length).trim(), ...l.filled.slice(1)],
        hashNumbered: /^evaluation\s+recommendation\s*#/.test(foldText(l.filled[0])),
        lines: [],
        carried: carried && (carried as CarriedHeader).table === tableOf(l.line) ? carried : null,
      };
      recommendations.push(cur);
      inTable = false;
      continue;
    }
    // The second lines of wrapped header cells rename nothing they do not name: read as a sub-header,
    // after which the real sub-header ("Comments | Status") may still come.
    const continuation: boolean =
      headerJustRead && !looksLikeSubheader(l.cells) && looksLikeHeaderContinuation(l.cells);
    const subheader: boolean = headerJustRead && (looksLikeSubheader(l.cells) || continuation);
    const tableHeader = isTableHeader(l.line.cells);
    if (tableHeader || subheader) remember(l, subheader);
    if (!cur) {
      header.push(l);
      headerJustRead = tableHeader || continuation;
      continue;
    }
    if (tableHeader || subheader) {
      cur.lines.push({ ...l, role: subheader ? 'tableSubheader' : 'tableHeader' });
      inTable = true;
      headerJustRead = !subheader || continuation;
      continue;
    }
    headerJustRead = false;
    if (matchRecLabel(l.filled[0])) {
      cur.lines.push({ ...l, role: 'labels' });
      inTable = false;
    } else cur.lines.push({ ...l, role: 'text' });
  }
  return { header, recommendations };
}
