/**
 * The databases service tests run against: embedded PGlite always, and a PostgreSQL server when
 * TEST_DATABASE_URL names one (CI starts one). Each opened database is new and empty.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.js';

export interface TestDatabase {
  name: string;
  open(): Promise<Database>;
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'PGlite', open: openPgliteForTest }];
  const server = process.env.TEST_DATABASE_URL;
  if (server) list.push({ name: 'PostgreSQL', open: () => openScratchPostgres(server) });
  return list;
}

let template: Blob | undefined;

/** A new embedded database in memory, a copy of the migrated one the global setup saved. */
export function openPgliteForTest(): Promise<Database> {
  const file = inject('pgliteTemplate');
  if (file && !template) template = new Blob([readFileSync(file)]);
  return openDatabase({ dataDir: 'memory://', from: template });
}

/** Creates a throwaway database on the server (tests, benchmarks), dropped again on close. */
export async function openScratchPostgres(serverUrl: string, prefix = 'integra_test'): Promise<Database> {
  const dbName = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
    },
  };
}
