/** Prints the text items of a PDF with their page and position: npx tsx scripts/matrix-fixtures/dump.ts FILE.pdf [grep] */
import { cellLines, readPdfText } from './pdfLines.js';

const [file, grep] = process.argv.slice(2);
const t = await readPdfText(file);
console.log(`${t.pages} pages`);
for (const it of cellLines(t))
  if (!grep || it.str.includes(grep))
    console.log(it.page, it.x, it.y, Math.round(it.width), JSON.stringify(it.str));
