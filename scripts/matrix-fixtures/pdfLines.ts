/**
 * The text items of a PDF as pdf.js sees them, for the generator's checks that a habit really
 * landed in the PDF (a word hyphenated at a line end, a cross-reference starting a line, a table
 * row split by the page furniture). Each text item keeps its page and position.
 */
import { readFileSync } from 'node:fs';

export interface PdfItem {
  page: number;
  x: number;
  y: number;
  width: number;
  str: string;
}

export interface PdfText {
  pages: number;
  items: PdfItem[];
}

export async function readPdfText(path: string): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(readFileSync(path));
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 })
    .promise;
  const items: PdfItem[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      items.push({
        page: p,
        x: Math.round(it.transform[4]),
        y: Math.round(it.transform[5]),
        width: it.width,
        str: it.str,
      });
    }
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, items };
}

/** Text items of the PDF, one per line of a cell or paragraph, in reading order per page. */
export function cellLines(text: PdfText): PdfItem[] {
  return [...text.items].sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
}
