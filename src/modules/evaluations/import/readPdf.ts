/**
 * Reads a PDF matrix into lines of cells. pdf.js (in a worker thread, pdfWorkers.ts) gives each
 * piece of text with its position and the straight lines each page draws; the layout
 * (pdfLayout.ts) rebuilds the tables from their borders, joins rows cut by page breaks, leaves
 * page furniture out and marks struck-through words. Tables drawn without borders are cut into
 * columns where their header put them. Every guess it had to make becomes a warning.
 */
import { Invalid, Unsupported } from '../../../server/errors.js';
import type { ImportWarning } from '../model.js';
import type { MatrixLine } from './lines.js';
import { hyphenatedWords, PdfLayout } from './pdfLayout.js';
import { readPages } from './pdfWorkers.js';

export { PDF_LIMITS } from './pdfWorkers.js';

export async function readPdfLines(
  buf: Buffer,
  name = 'The file',
): Promise<{ lines: MatrixLine[]; warnings: ImportWarning[]; pages: number }> {
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new Invalid(`${name} is not a PDF.`).because('notPdf', { name });
  const pages = await readPages(buf, name);
  const textLength = pages.reduce((n, p) => n + p.pieces.reduce((m, x) => m + x.str.trim().length, 0), 0);
  if (textLength === 0) {
    throw new Unsupported(
      `${name} has no text layer: it is probably a scan. Run it through text recognition (OCR) first, or paste the matrix's text.`,
    ).because('scanned', { name });
  }
  const layout = new PdfLayout(hyphenatedWords(pages));
  const repeated = PdfLayout.furniture(pages);
  for (const [i, page] of pages.entries()) layout.addPage(page, i + 1, repeated, pages.length);
  const lines = layout.result();
  const warnings: ImportWarning[] = [];
  if (!lines.some((l) => l.table !== undefined)) {
    warnings.push({
      code: 'pdfWithoutBorders',
      message:
        'Read from a PDF without table borders: the key-action columns were rebuilt from the positions of the text; check timeframes and responsible units',
      where: 'the whole document',
    });
  }
  return { lines, warnings, pages: pages.length };
}
