/**
 * Opens Integra's database: embedded PGlite in INTEGRA_DATA (default ./data), or a PostgreSQL
 * server when DATABASE_URL is set. Same schema, same migrations, same SQL on both.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import * as schema from './schema.js';
import { isoTimestampsOnPglite, isoTimestampsOnPool } from './timestamps.js';

export type Schema = typeof schema;
/** A database or transaction handle: services take this and work on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a folder, "memory", or the server address without password. */
  location: string;
  /**
   * Refreshes planner statistics and reclaims dead rows. PostgreSQL servers do this themselves
   * (autovacuum); the embedded database has no background worker, so Integra calls it after bulk
   * writes and from time to time.
   */
  maintain(): Promise<void>;
  /** Number of SQL statements sent since opening: benchmarks and tests use it to catch N+1 queries. */
  queryCount(): number;
  /** In memory only: the whole data folder, to open copies of this database from (`from`). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** The empty embedded database with every migration applied, saved by scripts/build-server.js. */
export const EMPTY_DATABASE = fileURLToPath(new URL('../../build/empty-database.tar', import.meta.url));

/** Extensions loaded at every PGlite open: a folder that has used one must load it again. */
const PGLITE_EXTENSIONS = { pg_trgm };

export class DataFolderLocked extends Error {
  constructor(folder: string) {
    super(
      `Another Integra process is already using the data folder ${folder}. Stop that process first, or set INTEGRA_DATA to another folder (or DATABASE_URL to a PostgreSQL server).`,
    );
    this.name = 'DataFolderLocked';
  }
}

class CountingLogger implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  url?: string;
  /** Folder of the embedded database; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  /**
   * In memory only: a data folder saved by PGlite's dumpDataDir to start from instead of an empty
   * database (tests start each database from one already migrated: about 1 s instead of 4).
   */
  from?: Blob;
  /**
   * Embedded only: refresh the planner's statistics at open (PGlite has no autovacuum). The
   * server does; a CLI command, over in seconds, skips it.
   */
  analyze?: boolean;
}

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.INTEGRA_DATA || './data' };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir ?? './data', options);
}

async function openPglite(dataDir: string, { from, analyze = true }: OpenOptions): Promise<Database> {
  const logger = new CountingLogger();
  if (dataDir.startsWith('memory://')) {
    const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS, loadDataDir: from });
    isoTimestampsOnPglite(client);
    const db = drizzlePglite(client, { schema, logger });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      location: 'memory',
      maintain: () => client.exec('VACUUM ANALYZE').then(() => undefined),
      queryCount: () => logger.count,
      dump: () => client.dumpDataDir('none'),
      close: () => client.close(),
    };
  }
  const folder = path.resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const release = await lockDataFolder(folder);
  try {
    const pgFolder = path.join(folder, 'pg');
    // A new folder starts as a copy of the empty, migrated database the build saved (about 1 s
    // instead of 5 for initdb and the migrations); without one, PGlite makes it from scratch.
    const loadDataDir =
      !existsSync(pgFolder) && existsSync(EMPTY_DATABASE)
        ? new Blob([readFileSync(EMPTY_DATABASE)])
        : undefined;
    const client = await PGlite.create(pgFolder, { extensions: PGLITE_EXTENSIONS, loadDataDir }).catch(
      (err: unknown) => {
        // A copy that failed halfway must not be taken for a database at the next start.
        if (loadDataDir) rmSync(pgFolder, { recursive: true, force: true });
        throw err;
      },
    );
    isoTimestampsOnPglite(client);
    const db = drizzlePglite(client, { schema, logger });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    // PGlite has no autovacuum: fresh statistics at each open keep the planner on the indexes.
    if (analyze && !loadDataDir) await client.exec('ANALYZE');
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      location: folder,
      maintain: () => client.exec('VACUUM ANALYZE').then(() => undefined),
      queryCount: () => logger.count,
      close: async () => {
        // PGlite runs with fsync off: a checkpoint on close writes everything out before the lock goes.
        await client.exec('CHECKPOINT').catch(() => undefined);
        await client.close();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}

/**
 * PGlite does not lock its folder and two owners corrupt it: hold a lock for the process's life.
 * A lock left by a killed process on this machine (its pid is gone) is taken over at once.
 */
async function lockDataFolder(folder: string): Promise<() => Promise<void>> {
  const lockfilePath = path.join(folder, 'integra.lock');
  const pidFile = path.join(folder, 'integra.pid');
  const take = () =>
    lockfile.lock(folder, {
      lockfilePath,
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: (err) => console.error(`integra: lost the lock on ${folder}: ${err.message}`),
    });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED') throw err;
    const owner = Number(existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : Number.NaN);
    if (!Number.isInteger(owner) || owner === process.pid || isAlive(owner))
      throw new DataFolderLocked(folder);
    rmSync(lockfilePath, { recursive: true, force: true });
    try {
      release = await take();
    } catch {
      throw new DataFolderLocked(folder);
    }
  }
  writeFileSync(pidFile, String(process.pid));
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

async function openPostgres(url: string): Promise<Database> {
  const logger = new CountingLogger();
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.INTEGRA_DB_POOL ?? 10) });
  // An idle connection closed by the server (restart, failover) must not bring the process down.
  pool.on('error', (err) => console.error(`integra: database connection lost: ${err.message}`));
  // Timestamps as ISO 8601 in UTC, as on the embedded database (timestamps.ts).
  isoTimestampsOnPool(pool);
  // Several app processes may start together: one migrates at a time, under an advisory lock.
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock(7224839001)');
    const migrator = drizzlePg(pool, { schema });
    await migratePg(migrator, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockClient.query('select pg_advisory_unlock(7224839001)').catch(() => undefined);
    lockClient.release();
  }
  const db = drizzlePg(pool, { schema, logger });
  const safe = new URL(url);
  safe.password = '';
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    location: safe.toString(),
    maintain: async () => undefined,
    queryCount: () => logger.count,
    close: () => pool.end(),
  };
}
