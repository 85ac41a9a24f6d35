/** `integra backup FILE` and `integra restore FILE`, for the embedded database or DATABASE_URL. */
import { existsSync } from 'node:fs';
import { backup, restore } from '../db/backup.js';
import { Invalid } from '../server/errors.js';
import { out, say, withDatabase } from './io.js';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export async function backupCommand(file: string): Promise<void> {
  const counts = await withDatabase((database) => backup(database.db, file));
  out(file);
  say(`Saved ${total(counts)} rows from ${Object.keys(counts).length} tables to ${file}.`);
}

export async function restoreCommand(file: string): Promise<void> {
  if (!existsSync(file)) throw new Invalid(`There is no file ${file}.`);
  const result = await withDatabase((database) => restore(database.db, file));
  say(
    `Restored ${total(result.tables)} rows from the backup of ${result.createdAt}; what the database held before was replaced.`,
  );
}
