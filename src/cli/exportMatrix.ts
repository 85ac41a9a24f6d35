/** `integra export matrix ID --format docx|xlsx|csv|json --out FILE` */
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { finished, pipeline } from 'node:stream/promises';
import { todayIso } from '../lib/dates.js';
import { csvStream, writeXlsx } from '../lib/spreadsheet.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { exportMatrixDocx } from '../modules/evaluations/export/exportMatrixDocx.js';
import { exportMatrixJson } from '../modules/evaluations/export/exportMatrixJson.js';
import { matrixColumns, matrixRows } from '../modules/evaluations/export/rows.js';
import { getMatrix } from '../modules/evaluations/service.js';
import { Invalid } from '../server/errors.js';
import { say, withDatabase } from './io.js';

export const FORMATS = ['docx', 'xlsx', 'csv', 'json'] as const;

export async function exportMatrixCommand(id: string, opts: { format: string; out: string }): Promise<void> {
  const format = opts.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new Invalid(`Unknown format "${opts.format}": use ${FORMATS.join(', ')}.`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Invalid(`"${id}" is not an evaluation id.`);
  const matrix = await withDatabase(async (database) => {
    const organisationId = await ensureDefaultOrganisation(database.db);
    return getMatrix(database.db, organisationId, id, todayIso());
  });
  // Write beside the target and rename, so a failed export leaves no half-written file.
  const partial = `${opts.out}.partial`;
  try {
    if (format === 'json') await writeFile(partial, JSON.stringify(exportMatrixJson(matrix), null, 2));
    else if (format === 'docx') await writeFile(partial, await exportMatrixDocx(matrix));
    else if (format === 'csv')
      await pipeline(csvStream(matrixColumns(), matrixRows(matrix)), createWriteStream(partial));
    else {
      const stream = createWriteStream(partial);
      await writeXlsx(stream, 'Matrix', matrixColumns(), matrixRows(matrix));
      await finished(stream);
    }
    await rename(partial, opts.out);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
  say(`Wrote ${opts.out} (${format}).`);
}
