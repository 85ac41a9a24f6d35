/**
 * Timestamps come out of the database as ISO 8601 in UTC ("2026-11-26T12:28:44.419123Z"), on both
 * drivers and from every query — drizzle columns, `sql` expressions, `db.execute` — instead of
 * PostgreSQL's text form ("2026-11-26 12:28:44.419123+00"). drizzle asks both drivers for the
 * text of `timestamp with time zone` values (so it can map them itself), per query; the drivers
 * are taught here to turn that text into ISO 8601 first. The fraction always has six digits
 * (PostgreSQL keeps microseconds): nothing is lost, so a value read and sent back as a key
 * compares equal, and the strings sort as the instants do (`sort()`, `<`), which they would not
 * with fractions of different lengths. Dates (`date`) stay YYYY-MM-DD; values that are not plain
 * timestamps (infinity, BC) stay as PostgreSQL wrote them.
 */
import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/** OID of `timestamp with time zone`. */
export const TIMESTAMPTZ = 1184;

const PG_TIMESTAMPTZ =
  /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?$/;

/** PostgreSQL's text form of a `timestamp with time zone` (any session time zone) as ISO 8601 UTC, to the microsecond. */
export function isoTimestamp(text: string): string {
  const m = PG_TIMESTAMPTZ.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s, digits = '', sign, oh, om = '00', os = '00'] = m;
  const fraction = `.${digits.slice(1).padEnd(6, '0').slice(0, 6)}`;
  if (oh === '00' && om === '00' && os === '00') return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}Z`;
  const at = new Date(Date.UTC(2000, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  at.setUTCFullYear(Number(y)); // Date.UTC reads years below 100 as 19xx
  const offset = (Number(oh) * 3600 + Number(om) * 60 + Number(os)) * (sign === '-' ? -1 : 1);
  return `${new Date(at.getTime() - offset * 1000).toISOString().slice(0, 19)}${fraction}Z`;
}

type ParserOptions = QueryOptions | undefined;
const withIsoParsers = new WeakMap<object, object>();

/** A PGlite query's options with timestamps parsed to ISO where drizzle asked for their text. */
function pgliteOptions(options: ParserOptions): ParserOptions {
  if (!options?.parsers || !(TIMESTAMPTZ in options.parsers)) return options;
  let fixed = withIsoParsers.get(options);
  if (!fixed) {
    fixed = {
      ...options,
      parsers: { ...options.parsers, [TIMESTAMPTZ]: isoTimestamp },
    } satisfies QueryOptions;
    withIsoParsers.set(options, fixed);
  }
  return fixed;
}

/** Teaches a PGlite instance (and its transactions) to hand drizzle ISO timestamps. */
export function isoTimestampsOnPglite(client: PGlite): void {
  const query = client.query.bind(client);
  client.query = ((text: string, params?: unknown[], options?: ParserOptions) =>
    query(text, params, pgliteOptions(options))) as PGlite['query'];
  const transaction = client.transaction.bind(client);
  client.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = ((text: string, params?: unknown[], options?: ParserOptions) =>
        txQuery(text, params, pgliteOptions(options))) as Transaction['query'];
      return callback(tx);
    })) as PGlite['transaction'];
}

type TypeParsers = { getTypeParser: (oid: number, format?: string) => unknown };
type QueryConfig = { types?: TypeParsers; submit?: unknown };

/** A node-postgres query config with timestamps parsed to ISO where drizzle asked for their text. */
function pgConfig(config: unknown): unknown {
  if (!config || typeof config !== 'object') return config;
  const c = config as QueryConfig;
  if (!c.types || typeof c.submit === 'function') return config;
  let fixed = withIsoParsers.get(c);
  if (!fixed) {
    const inner = c.types;
    fixed = {
      ...c,
      types: {
        getTypeParser: (oid: number, format?: string) =>
          oid === TIMESTAMPTZ ? isoTimestamp : inner.getTypeParser(oid, format),
      },
    };
    withIsoParsers.set(c, fixed);
  }
  return fixed;
}

/** Teaches every connection of a node-postgres pool to hand drizzle ISO timestamps. */
export function isoTimestampsOnPool(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((config: unknown, ...rest: unknown[]) =>
      query(pgConfig(config), ...rest)) as pg.PoolClient['query'];
  });
}
