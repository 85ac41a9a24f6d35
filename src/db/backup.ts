/**
 * Backup and restore, the same for the embedded database and a PostgreSQL server: every table of
 * the schema, row by row as JSON (gzip, one line per batch), read in one consistent snapshot and
 * written back in one transaction, so a restore gives back exactly what was saved or nothing.
 *
 * File: a header line { format, version, schema, createdAt, tables: { name: rows } }, then lines
 * { t: table, r: [rows as row_to_json] } in foreign-key order.
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { Invalid } from '../server/errors.js';
import { type Db, MIGRATIONS_FOLDER } from './client.js';
import * as schema from './schema.js';

const FORMAT = 'integra-backup';
const BATCH = 1000;

/** The schema version: the last migration's tag. A backup restores into the same version only. */
export function schemaVersion(): string {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)?.tag ?? 'none';
}

/** Every table of the schema, each after the tables it refers to. */
export function tablesInOrder(): string[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
  const deps = new Map<string, string[]>(
    tables.map((t) => [
      getTableName(t),
      getTableConfig(t)
        .foreignKeys.map((fk) => getTableName(fk.reference().foreignTable))
        .filter((n) => n !== getTableName(t)),
    ]),
  );
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    for (const d of deps.get(name) ?? []) visit(d);
    ordered.push(name);
  };
  for (const name of [...deps.keys()].sort()) visit(name);
  return ordered;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
type Rows<T> = { rows: T[] };

/** Writes every table to a gzip file; returns the number of rows per table. */
export async function backup(db: Db, file: string): Promise<Record<string, number>> {
  const tables = tablesInOrder();
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(partial));
  const counts: Record<string, number> = {};
  const write = (line: unknown) =>
    new Promise<void>((resolve, reject) =>
      gzip.write(`${JSON.stringify(line)}\n`, (err) => (err ? reject(err) : resolve())),
    );
  try {
    await db.transaction(async (tx) => {
      // One snapshot for every table: a backup taken while people work is still consistent.
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      for (const t of tables) {
        const [{ n }] = (
          (await tx.execute(sql`select count(*)::int as n from ${ident(t)}`)) as unknown as Rows<{
            n: number;
          }>
        ).rows;
        counts[t] = Number(n);
      }
      await write({
        format: FORMAT,
        version: 1,
        schema: schemaVersion(),
        createdAt: new Date().toISOString(),
        tables: counts,
      });
      for (const t of tables) {
        await tx.execute(
          sql`declare backup_cursor no scroll cursor for select row_to_json(x)::text as j from ${ident(t)} x`,
        );
        for (;;) {
          const batch = (await tx.execute(sql.raw(`fetch ${BATCH} from backup_cursor`))) as unknown as Rows<{
            j: string;
          }>;
          if (batch.rows.length === 0) break;
          await write({ t, r: batch.rows.map((r) => JSON.parse(r.j)) });
        }
        await tx.execute(sql`close backup_cursor`);
      }
    });
    gzip.end();
    await done;
    await rename(partial, file);
    return counts;
  } catch (err) {
    gzip.destroy();
    await done.catch(() => undefined);
    await rm(partial, { force: true });
    throw err;
  }
}

/** Replaces every table's rows with the backup's, in one transaction; returns the rows per table. */
export async function restore(
  db: Db,
  file: string,
): Promise<{ createdAt: string; tables: Record<string, number> }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let header: { format?: string; schema?: string; createdAt?: string; tables?: Record<string, number> };
  try {
    const first = await iterator.next();
    header = JSON.parse(first.value ?? 'null') ?? {};
  } catch {
    throw new Invalid(`${file} is not an Integra backup (it is not a gzip file of JSON lines).`);
  }
  if (header.format !== FORMAT || !header.tables) throw new Invalid(`${file} is not an Integra backup.`);
  if (header.schema !== schemaVersion()) {
    throw new Invalid(
      `The backup was made by another version of Integra (schema ${header.schema}; this one is ${schemaVersion()}). Restore it with that version.`,
    );
  }
  const tables = tablesInOrder();
  const unknown = Object.keys(header.tables).filter((t) => !tables.includes(t));
  if (unknown.length)
    throw new Invalid(`The backup has tables this Integra does not know: ${unknown.join(', ')}.`);
  const restored: Record<string, number> = {};
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`));
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!next.value.trim()) continue;
      let chunk: { t: string; r: unknown[] };
      try {
        chunk = JSON.parse(next.value);
      } catch {
        throw new Invalid('The backup is damaged (a line is not JSON); nothing was restored.');
      }
      if (!tables.includes(chunk.t) || !Array.isArray(chunk.r)) {
        throw new Invalid('The backup is damaged (unexpected content); nothing was restored.');
      }
      await tx.execute(
        sql`insert into ${ident(chunk.t)} select * from json_populate_recordset(null::${ident(chunk.t)}, ${JSON.stringify(chunk.r)}::json)`,
      );
      restored[chunk.t] = (restored[chunk.t] ?? 0) + chunk.r.length;
    }
    for (const t of tables) {
      if ((restored[t] ?? 0) !== (header.tables?.[t] ?? 0)) {
        throw new Invalid(
          `The backup is incomplete: ${t} has ${restored[t] ?? 0} rows of ${header.tables?.[t] ?? 0}; nothing was restored.`,
        );
      }
    }
    // Serial columns continue after the restored rows.
    const serials = (await tx.execute(sql`
      select c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
      from information_schema.columns c
      where c.table_schema = 'public' and c.column_default like 'nextval(%'`)) as unknown as Rows<{
      table_name: string;
      column_name: string;
      seq: string | null;
    }>;
    for (const s of serials.rows) {
      if (!s.seq || !tables.includes(s.table_name)) continue;
      await tx.execute(
        sql`select setval(${s.seq}, coalesce((select max(${ident(s.column_name)}) from ${ident(s.table_name)}), 0) + 1, false)`,
      );
    }
  });
  return { createdAt: header.createdAt ?? '', tables: restored };
}
