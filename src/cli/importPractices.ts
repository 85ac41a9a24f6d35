/**
 * `integra import practices FILE [--dry-run] [--json]`: reads practice pages against the SPRING
 * grid; saves them as draft practices, or with --dry-run only reports what was read.
 */

import { readFile, stat } from 'node:fs/promises';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { checkImportSize, decodeTextFile } from '../modules/evaluations/import/importMatrixFile.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { importPracticePages } from '../modules/practices/import/importPracticePages.js';
import { createPractices, practiceFromImport } from '../modules/practices/service.js';
import { systemCaller } from '../server/caller.js';
import { out, say, withDatabase } from './io.js';

export async function importPracticesCommand(
  file: string,
  opts: { dryRun?: boolean; json?: boolean },
): Promise<void> {
  const info = await stat(file);
  checkImportSize(info.size);
  const result = importPracticePages(decodeTextFile(await readFile(file), file));
  if (!opts.dryRun) {
    const ids = await withDatabase(async (database) => {
      const organisationId = await ensureDefaultOrganisation(database.db);
      await ensureBuiltInFrameworks(database.db);
      return createPractices(
        database.db,
        systemCaller(organisationId),
        result.practices.map(practiceFromImport),
      );
    });
    if (opts.json) out(JSON.stringify({ ids, warnings: result.warnings }, null, 2));
    else out(ids.join('\n'));
    for (const w of result.warnings) say(`warning: ${w.where}: ${w.message}`);
    say(`Saved ${ids.length} practices as drafts.`);
    return;
  }
  if (opts.json) out(JSON.stringify(result, null, 2));
  else {
    for (const p of result.practices) {
      const items = p.assessment.questions.flatMap((q) => q.items);
      const met = items.filter((i) => i.mark === 'met').length;
      out(
        `${p.title ?? '(untitled practice)'}: ${p.assessment.questions.length} questions, ${met} of ${items.length} checklist items met`,
      );
    }
  }
  for (const w of result.warnings) say(`warning: ${w.where}: ${w.message}`);
}
