import { writeFileSync } from 'node:fs';
import {
  build2022Docx,
  buildClassicDocx,
  buildClassicPdf,
  TRUTH_2022,
  TRUTH_CLASSIC,
  TRUTH_FRENCH,
} from './src/modules/evaluations/import/fixtures/documents.js';

writeFileSync('/tmp/f-classic.docx', await buildClassicDocx(TRUTH_CLASSIC, { instructions: true }));
writeFileSync('/tmp/f-onetable.docx', await buildClassicDocx(TRUTH_CLASSIC, { layout: 'one-table' }));
writeFileSync('/tmp/f-french.docx', await buildClassicDocx(TRUTH_FRENCH, { french: true }));
writeFileSync('/tmp/f-2022.docx', await build2022Docx(TRUTH_2022));
writeFileSync('/tmp/f-classic.pdf', await buildClassicPdf(TRUTH_CLASSIC));
