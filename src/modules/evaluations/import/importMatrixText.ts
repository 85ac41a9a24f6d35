/**
 * Reads a management response matrix from lines of cells (pasted text, or what the Word and PDF
 * readers produce): the classic template (a key-action table with its columns) and the 2022 one
 * (bulleted key actions), with English or French labels. What it cannot place is kept as a note
 * and reported as a warning; it never guesses a response or a date.
 *
 * The reading is done in phases, each in its own file with its own tests:
 *  0. matrixWideTable.ts       a matrix written as one wide table, a recommendation per row, unfolded
 *  1. matrixCleaning.ts        lines that carry something (paragraphs split, run-together labels cut)
 *  2. matrixHeader.ts          the evaluation's header: title and year, evaluators, owner, date…
 *  3. matrixBlocks.ts          the lines cut into the header and one block per recommendation
 *  4. matrixRecommendation.ts  a recommendation's labelled fields, continued lines and notes
 *  5. matrixKeyActions.ts      its key actions as rows: the table's columns, bullets, numbers
 *  6. matrixActions.ts         rows → actions: due windows from timeframes, statuses, warnings
 *  7. matrixAssembly.ts        the evaluation, its warnings and the source of each part
 * with labels (matrixLabels.ts), answers (matrixWords.ts) and values (matrixValues.ts) shared.
 */
import { Invalid } from '../../../server/errors.js';
import type { ImportResult } from '../model.js';
import { type MatrixLine, textToLines } from './lines.js';
import { assembleImport } from './matrixAssembly.js';
import { cutRecommendations, NO_RECOMMENDATION } from './matrixBlocks.js';
import { cleanLines, EMPTY_MATRIX } from './matrixCleaning.js';
import { readMatrixHeader } from './matrixHeader.js';
import { readRecommendation } from './matrixRecommendation.js';
import { unfoldWideTables } from './matrixWideTable.js';

export { readResponse, readStatus } from './matrixWords.js';

export interface MatrixTextOptions {
  /** Name shown in warnings and used as a title when the text names none. */
  sourceName?: string;
}

/** Reads a matrix from pasted text (or a text file's content). */
export function importMatrixText(input: string, options: MatrixTextOptions = {}): ImportResult {
  if (input.trim() === '') throw new Invalid(EMPTY_MATRIX).because('emptyMatrix');
  return importMatrixLines(textToLines(input), options);
}

/** Reads a matrix from lines of cells, whichever reader made them. */
export function importMatrixLines(input: MatrixLine[], options: MatrixTextOptions = {}): ImportResult {
  const lines = cleanLines(unfoldWideTables(input));
  const { header, recommendations } = cutRecommendations(lines);
  const evaluationHeader = readMatrixHeader(header);
  if (recommendations.length === 0) throw new Invalid(NO_RECOMMENDATION).because('noRecommendation');
  const drafts = recommendations.map((block, index) =>
    readRecommendation(block, index, evaluationHeader.year),
  );
  return assembleImport(evaluationHeader, drafts, options.sourceName);
}
