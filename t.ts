import { readFileSync } from 'node:fs';
import { importMatrixFile } from './src/modules/evaluations/import/importMatrixFile.js';

const r = await importMatrixFile(readFileSync(process.argv[2]), process.argv[2]);
console.log(
  JSON.stringify(
    {
      recs: r.evaluation.recommendations.map((x) => [
        x.number,
        x.priority,
        x.response,
        x.actions.map((a) => [a.number, a.text.slice(0, 30), a.timeframe, a.responsible, a.status]),
      ]),
      title: r.evaluation.title,
      w: r.warnings,
    },
    null,
    0,
  ),
);
