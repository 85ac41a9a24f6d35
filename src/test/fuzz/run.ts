/**
 * Sends fuzz cases to the import routes (through app.inject in tests, over HTTP in the bench) and
 * tallies the answers: accepted, refused by status and code, and anything else — a 500, or a
 * refusal without the error shape — kept as a failure with the case that caused it.
 */
import { buildCase, type FuzzCase, type Seeds } from './mutate.js';

export interface FuzzRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  payload: Buffer | string;
}
export type Send = (request: FuzzRequest) => Promise<{ status: number; body: string }>;

const BOUNDARY = '----integra-fuzz-boundary-7d1c';

export function requestFor(c: FuzzCase): FuzzRequest {
  if (c.kind === 'pasted') {
    return {
      method: 'POST',
      url: '/api/evaluations/import?dryRun=true',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: c.text ?? c.data.toString('utf8'), name: c.name }),
    };
  }
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${c.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    method: 'POST',
    url: '/api/evaluations/import/file?dryRun=true',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([head, c.data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
  };
}

export interface Failure {
  index: number;
  kind: string;
  mutation: string;
  status: number;
  body: string;
}

export interface Tally {
  tried: number;
  accepted: number;
  /** Refusals by "status code", e.g. "400 invalid". */
  refused: Record<string, number>;
  /** Per kind: tried, accepted, refused. */
  byKind: Record<string, { tried: number; accepted: number; refused: number }>;
  failures: Failure[];
}

export const emptyTally = (): Tally => ({ tried: 0, accepted: 0, refused: {}, byKind: {}, failures: [] });

export const refusedCount = (t: Tally) => Object.values(t.refused).reduce((a, b) => a + b, 0);

/** Records one answer; a 5xx or a refusal without `{ error: { code, message } }` is a failure. */
export function record(tally: Tally, index: number, c: FuzzCase, status: number, body: string): void {
  tally.tried++;
  const kind = tally.byKind[c.kind] ?? { tried: 0, accepted: 0, refused: 0 };
  tally.byKind[c.kind] = kind;
  kind.tried++;
  const fail = () =>
    tally.failures.push({ index, kind: c.kind, mutation: c.mutation, status, body: body.slice(0, 500) });
  if (status === 200) {
    tally.accepted++;
    kind.accepted++;
    return;
  }
  if (status >= 400 && status < 500) {
    let code: unknown;
    try {
      const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
      code = typeof parsed.error?.message === 'string' ? parsed.error.code : undefined;
    } catch {
      code = undefined;
    }
    if (typeof code === 'string') {
      tally.refused[`${status} ${code}`] = (tally.refused[`${status} ${code}`] ?? 0) + 1;
      kind.refused++;
      return;
    }
  }
  fail();
}

/** Builds and sends cases `from` to `from + count - 1` of the run `seed`, one at a time. */
export async function runFuzz(
  send: Send,
  seeds: Seeds,
  options: {
    seed: number;
    count: number;
    from?: number;
    tally?: Tally;
    /** Send only cases of these kinds (the others are skipped, not counted). */
    kinds?: string[];
    onCase?: (i: number) => void;
  },
): Promise<Tally> {
  const tally = options.tally ?? emptyTally();
  const from = options.from ?? 0;
  for (let i = from; i < from + options.count; i++) {
    const c = await buildCase(seeds, options.seed, i);
    if (options.kinds && !options.kinds.includes(c.kind)) continue;
    const res = await send(requestFor(c));
    record(tally, i, c, res.status, res.body);
    options.onCase?.(i);
  }
  return tally;
}
