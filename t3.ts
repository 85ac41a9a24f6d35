import { readFileSync } from 'node:fs';
import { readPdfLines } from './src/modules/evaluations/import/readPdf.js';

const r = await readPdfLines(readFileSync('/tmp/f-classic.pdf'));
for (const l of r.lines.slice(0, 20)) console.log(l.where, JSON.stringify(l.cells));
