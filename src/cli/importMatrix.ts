/** `integra import matrix FILE [--dry-run] [--json]` */

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkImportSize, importMatrixFile } from '../modules/evaluations/import/importMatrixFile.js';
import { out, say } from './output.js';

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
  // The database and its services load only when something is saved: a dry run stays quick.
  const [
    { withDatabase },
    { ensureDefaultOrganisation },
    { saveEvaluation },
    { proposeUnitLinks },
    { systemCaller },
  ] = await Promise.all([
    import('./io.js'),
    import('../modules/accounts/service.js'),
    import('../modules/evaluations/service.js'),
    import('../modules/evaluations/unitLinks.js'),
    import('../server/caller.js'),
  ]);
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
