/**
 * `integra import practices FILE --dry-run [--json]`: reads practice pages against the SPRING grid
 * and reports what was read. Storing practices arrives with the practice library; until then the
 * command checks files and saves nothing, and says so when asked to save.
 */
import { readFile, stat } from 'node:fs/promises';
import { checkImportSize, decodeTextFile } from '../modules/evaluations/import/importMatrixFile.js';
import { importPracticePages } from '../modules/practices/import/importPracticePages.js';
import { Invalid } from '../server/errors.js';
import { out, say } from './io.js';

export async function importPracticesCommand(
  file: string,
  opts: { dryRun?: boolean; json?: boolean },
): Promise<void> {
  if (!opts.dryRun) {
    throw new Invalid(
      'Practices can be checked with --dry-run; saving them into a practice library is not part of this version yet.',
    );
  }
  const info = await stat(file);
  checkImportSize(info.size);
  const result = importPracticePages(decodeTextFile(await readFile(file), file));
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
