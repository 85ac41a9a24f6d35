/** Shared CLI plumbing: machine output on stdout, messages on stderr, errors as exit codes. */

import { type Database, DataFolderLocked, databaseOptionsFromEnv, openDatabase } from '../db/client.js';
import { AppError } from '../server/errors.js';
import { say } from './output.js';

export { out, say } from './output.js';

/** Opens the configured database, runs the work, and always closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ ...databaseOptionsFromEnv(), analyze: false });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Prints an error the way a user can act on it and sets the exit code. */
export function reportError(err: unknown): void {
  if (err instanceof AppError) {
    say(`integra: ${err.message}`);
    for (const d of err.details ?? []) say(`  ${d.path}: ${d.message}`);
    process.exitCode = err.status === 500 ? 1 : 2;
  } else if (err instanceof DataFolderLocked) {
    say(`integra: ${err.message}`);
    process.exitCode = 1;
  } else if (err instanceof Error && (err as NodeJS.ErrnoException).code === 'ENOENT') {
    say(`integra: no such file: ${(err as NodeJS.ErrnoException).path ?? ''}`);
    process.exitCode = 2;
  } else {
    say(`integra: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
