/** `integra import matrix FILE [--dry-run] [--json]` */

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { checkImportSize, importMatrixFile } from '../modules/evaluations/import/importMatrixFile.js';
import { saveEvaluation } from '../modules/evaluations/service.js';
import { proposeUnitLinks } from '../modules/evaluations/unitLinks.js';
import { systemCaller } from '../server/caller.js';
import { out, say, withDatabase } from './io.js';

export async function importMatrixCommand(
  file: string,
  opts: { dryRun?: boolean; json?: boolean },
): Promise<void> {
  const info = await stat(file);
  if (!info.isFile()) throw Object.assign(new Error(`${file} is not a file`), { code: 'EISDIR' });
  checkImportSize(info.size);
  const result = await importMatrixFile(await readFile(file), path.basename(file));
  const { evaluation, warnings } = result;
  if (opts.dryRun) {
    if (opts.json) out(JSON.stringify({ evaluation, warnings }, null, 2));
    else {
      const actions = evaluation.recommendations.reduce((n, r) => n + r.actions.length, 0);
      out(
        `${evaluation.title}: ${evaluation.recommendations.length} recommendations, ${actions} actions (${evaluation.statusTemplate} template). Nothing was saved.`,
      );
    }
    for (const w of warnings) say(`warning: ${w.where}: ${w.message}`);
    return;
  }
  const { id } = await withDatabase(async (database) => {
    const organisationId = await ensureDefaultOrganisation(database.db);
    // Actions are linked to the units their "Responsible unit(s)" names exactly.
    const linked = await proposeUnitLinks(database.db, organisationId, result);
    return saveEvaluation(database.db, systemCaller(organisationId), linked.evaluation, path.basename(file));
  });
  if (opts.json) out(JSON.stringify({ id, warnings }, null, 2));
  else {
    out(id);
    for (const w of warnings) say(`warning: ${w.where}: ${w.message}`);
    say(`Imported "${evaluation.title}" as evaluation ${id}.`);
  }
}
