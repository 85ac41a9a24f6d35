/**
 * Phase 3 of reading a matrix: the lines cut into the evaluation's header and one block per
 * recommendation, each starting at its heading ("Evaluation recommendation 3:", "Evaluation
 * recommendation # 3", "Recommandation nº 3 –"), and each of a block's lines told apart: the
 * key-action table's header, a labelled line, or text. A heading-like line in the table's first
 * column is a row's continuation, not a new recommendation.
 */
import { foldText } from '../../../lib/text.js';
import type { CleanLine } from './matrixCleaning.js';
import { isTableHeader, looksLikeSubheader } from './matrixKeyActions.js';
import { matchRecLabel } from './matrixLabels.js';
import { afterFolded } from './matrixValues.js';

export const NO_RECOMMENDATION =
  'No recommendation found: this does not look like a management response matrix. Expected lines such as "Evaluation recommendation 1: …" followed by the management response and key actions.';

const RECOMMENDATION =
  /^(?:evaluation\s+)?recomm?[ae]ndation\s*(?:#|no\.?|n°|nº)?\s*(\d{1,3})\s*(?:[:.)–-]|$)\s*/;

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
}

export interface MatrixBlocks {
  /** The lines before the first recommendation. */
  header: CleanLine[];
  recommendations: RecommendationBlock[];
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

  for (const l of lines) {
    const heading = foldText(l.filled[0]).match(RECOMMENDATION);
    if (heading && !(l.cells[0] === '' && inTable)) {
      cur = {
        number: heading[1],
        heading: l,
        text: [afterFolded(l.filled[0], heading[0].length).trim(), ...l.filled.slice(1)],
        hashNumbered: /^evaluation\s+recommendation\s*#/.test(foldText(l.filled[0])),
        lines: [],
      };
      recommendations.push(cur);
      inTable = false;
      continue;
    }
    if (!cur) {
      header.push(l);
      continue;
    }
    const subheader: boolean = headerJustRead && looksLikeSubheader(l.cells);
    if (isTableHeader(l.line.cells) || subheader) {
      cur.lines.push({ ...l, role: subheader ? 'tableSubheader' : 'tableHeader' });
      inTable = true;
      headerJustRead = !subheader;
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
