/**
 * Reads a PDF matrix into lines of cells, best effort: pdf.js gives each piece of text with its
 * position; pieces are gathered into rows by their height on the page, and a row is cut into
 * cells where the key-action table's header put its columns (elsewhere, at wide gaps). Every
 * guess it had to make becomes a warning.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Invalid, TooLarge, Unsupported } from '../../../server/errors.js';
import type { ImportWarning } from '../model.js';
import { cleanCell, type MatrixLine } from './lines.js';

export const PDF_LIMITS = { maxPages: 300 };

interface Piece {
  x: number;
  y: number;
  width: number;
  height: number;
  str: string;
}

let pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs') | null = null;
async function loadPdfjs() {
  if (!pdfjs) {
    pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const require = createRequire(import.meta.url);
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
      require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ).href;
  }
  return pdfjs;
}

const HEADER_WORDS: [string, RegExp][] = [
  ['text', /^(?:key\s+actions?|actions?\s+cl[eé]s?)$/i],
  ['timeframe', /timeframe|time\s*frame|deadline|d[ée]lai|[ée]ch[ée]ance/i],
  ['responsible', /responsib|responsable/i],
  ['comments', /comments?|action\s+taken|commentaires?|implementation\s+monitoring|suivi/i],
  ['status', /^(?:status|statut)$/i],
];

/** A line that starts an item, a label or a number is never the end of the line above. */
const STARTS_ITEM =
  /^(?:[-•*–]\s|\d+(?:\.\d+)*[.)]?\s|\(?[a-z]\)\s|[^\s:]+(?:\s+[^\s:]+){0,6}\s*(?:\([^)]*\))?\s*:)/i;

/** Groups the pieces of one page into rows (same baseline, within a tolerance), top to bottom. */
function rows(pieces: Piece[]): Piece[][] {
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
function join(pieces: Piece[]): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const p of pieces) {
    const gap = p.x - end;
    if (text && gap > Math.max(1, p.height * 0.15) && !text.endsWith(' ') && !p.str.startsWith(' '))
      text += ' ';
    text += p.str;
    end = p.x + p.width;
  }
  return cleanCell(text);
}

export async function readPdfLines(
  buf: Buffer,
  name = 'The file',
): Promise<{ lines: MatrixLine[]; warnings: ImportWarning[] }> {
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Invalid(`${name} is not a PDF.`);
  const lib = await loadPdfjs();
  let doc: Awaited<ReturnType<typeof lib.getDocument>['promise']>;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(buf),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const kind = (err as { name?: string }).name;
    if (kind === 'PasswordException')
      throw new Unsupported(
        `${name} is password-protected. Save a copy without the password and upload that.`,
      );
    throw new Invalid(`${name} is damaged and cannot be read as a PDF (${(err as Error).message}).`);
  }
  try {
    if (doc.numPages > PDF_LIMITS.maxPages) {
      throw new TooLarge(
        `${name} has ${doc.numPages} pages; PDFs up to ${PDF_LIMITS.maxPages} pages are read.`,
      );
    }
    const warnings: ImportWarning[] = [];
    const lines: MatrixLine[] = [];
    let textLength = 0;
    // Columns of the key-action table, carried over page breaks.
    let columns: number[] | null = null;
    for (let pageNo = 1; pageNo <= doc.numPages; pageNo++) {
      const page = await doc.getPage(pageNo);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        textLength += item.str.trim().length;
        pieces.push({
          x: item.transform[4],
          y: item.transform[5],
          width: item.width,
          height: Math.abs(item.transform[3]) || 10,
          str: item.str,
        });
      }
      // Where wrapped prose reaches on this page: a line ending near it continues on the next.
      const right = Math.max(0, ...pieces.map((p) => p.x + p.width));
      let wrapped = false;
      let lineNo = 0;
      for (const row of rows(pieces)) {
        lineNo++;
        const where = `page ${pageNo}, line ${lineNo}`;
        const texts = row.map((p) => p.str.trim());
        const isHeader =
          HEADER_WORDS[0][1].test(texts[0] ?? '') &&
          texts.slice(1).some((t) => HEADER_WORDS[1][1].test(t) || HEADER_WORDS[2][1].test(t));
        if (isHeader) {
          columns = row.filter((p) => p.str.trim() !== '').map((p) => p.x);
          lines.push({ cells: row.filter((p) => p.str.trim() !== '').map((p) => cleanCell(p.str)), where });
          continue;
        }
        const first = join([row[0]]);
        if (/^(?:evaluation\s+)?recomm?[ae]ndation\s*(?:#|n°)?\s*\d/i.test(first)) columns = null;
        if (columns) {
          const cols = columns;
          const cells: Piece[][] = cols.map(() => []);
          for (const p of row) {
            let i = cols.length - 1;
            while (i > 0 && p.x < cols[i] - 4) i--;
            cells[i].push(p);
          }
          lines.push({ cells: cells.map(join), where });
        } else {
          // Outside the table: cut the row where a wide gap separates two labels ("… \u2003 Priority level: 2").
          const groups: Piece[][] = [[row[0]]];
          for (let i = 1; i < row.length; i++) {
            const prev = row[i - 1];
            if (row[i].x - (prev.x + prev.width) > Math.max(24, prev.height * 2.5)) groups.push([row[i]]);
            else groups[groups.length - 1].push(row[i]);
          }
          const cells = groups.map(join);
          const prev = lines[lines.length - 1];
          if (
            wrapped &&
            prev &&
            prev.cells.length === 1 &&
            cells.length === 1 &&
            !STARTS_ITEM.test(cells[0])
          ) {
            prev.cells[0] = `${prev.cells[0]} ${cells[0]}`;
          } else lines.push({ cells, where });
          const last = row[row.length - 1];
          wrapped = groups.length === 1 && last.x + last.width > right - 60;
          continue;
        }
        wrapped = false;
      }
      page.cleanup();
    }
    if (textLength === 0) {
      throw new Unsupported(
        `${name} has no text layer: it is probably a scan. Run it through text recognition (OCR) first, or paste the matrix's text.`,
      );
    }
    warnings.push({
      message:
        'Read from a PDF: the key-action columns were rebuilt from the positions of the text; check timeframes and responsible units',
      where: 'the whole document',
    });
    return { lines, warnings };
  } finally {
    await doc.destroy();
  }
}
