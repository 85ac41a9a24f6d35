/**
 * Hostile and broken input, each refused with a reason — a 4xx in the error shape, never a 500:
 * damaged and deeply nested Word files, corrupt and inflating PDFs, matrices beyond the limits,
 * NUL characters, lone surrogates and invalid UTF-8 anywhere in a request. Also: a server error is
 * logged without the failed query's parameters, and a client's mistake is not logged at all.
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDeflate } from 'node:zlib';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import {
  buildClassicDocx,
  buildClassicPdf,
  buildClassicText,
  TRUTH_CLASSIC,
} from '../modules/evaluations/import/fixtures/documents.js';
import { MATRIX_LIMITS } from '../modules/evaluations/import/limits.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { testDatabases } from '../test/databases.js';
import { deepDocumentXml, manyRecommendations, unzipAll, zipAll } from '../test/fuzz/mutate.js';
import { as, setupAdmin } from '../test/session.js';
import { runCli } from '../test/spawn.js';
import { buildApp } from './app.js';
import { forLog, registerErrorHandler } from './plugins/errors.js';

function multipart(filename: string, content: Buffer) {
  const boundary = '----integra-hostile-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A Word file whose document.xml is replaced. */
async function docxWith(documentXml: string): Promise<Buffer> {
  const parts = await unzipAll(await buildClassicDocx(TRUTH_CLASSIC));
  parts.set('word/document.xml', Buffer.from(documentXml));
  return zipAll(parts);
}

/** A PDF of one page whose content stream inflates to `mb` MB (deflated a megabyte at a time). */
async function inflatingPdf(mb: number): Promise<Buffer> {
  const op = 'BT /F1 12 Tf 72 712 Td (Evaluation recommendation 1: a) Tj ET\n';
  const megabyte = Buffer.from(op.repeat(Math.ceil((1024 * 1024) / op.length)));
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => deflate.on('end', r));
  for (let i = 0; i < mb; i++) {
    if (!deflate.write(megabyte)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await ended;
  const stream = Buffer.concat(chunks);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = Buffer.from('%PDF-1.4\n');
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    const body =
      o === null
        ? Buffer.concat([
            Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
            stream,
            Buffer.from('\nendstream'),
          ])
        : Buffer.from(o);
    out = Buffer.concat([out, Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
  });
  const xref = out.length;
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  return Buffer.concat([
    out,
    Buffer.from(
      `xref\n0 6\n0000000000 65535 f \n${table}trailer << /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  ]);
}

/** Built once for both databases. */
let bomb: Promise<Buffer> | undefined;

/** A matrix of `count` recommendations as pasted text, each long enough that 500 make about 1 MB. */
function bigMatrixText(count: number): string {
  const truth = manyRecommendations(count);
  for (const r of truth.recommendations)
    r.text = `${r.text} ${'The desk should stay open longer. '.repeat(50)}`;
  return buildClassicText(truth);
}

describe.each(testDatabases())('hostile input on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let inject: ReturnType<typeof as>;

  beforeAll(async () => {
    database = await open();
    const organisationId = await ensureDefaultOrganisation(database.db);
    await ensureBuiltInFrameworks(database.db);
    app = await buildApp({ db: database.db, organisationId, today: () => '2024-01-15', webDist: null });
    inject = as(app, await setupAdmin(app));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** Sends a request and checks it was refused with `status` in the error shape; returns the error. */
  const refused = async (opts: InjectOptions, status: number, send = inject) => {
    const res = await send(opts);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    const { error } = res.json() as { error: { code: string; message: string } };
    expect(typeof error.code).toBe('string');
    expect(error.message.length).toBeGreaterThan(10);
    return error;
  };
  const upload = (name: string, content: Buffer): InjectOptions => ({
    method: 'POST',
    url: '/api/evaluations/import/file?dryRun=true',
    ...multipart(name, content),
  });

  it('refuses a Word file nested 10,000 levels deep (it overflowed the stack)', async () => {
    const error = await refused(upload('deep.docx', await docxWith(deepDocumentXml(10_000))), 400);
    expect(error.message).toMatch(/nested more than 1000 levels/);
  });

  it('reads a Word file nested a few hundred levels deep, without recursion', async () => {
    const res = await inject(upload('deep.docx', await docxWith(deepDocumentXml(300))));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().evaluation.recommendations[0].text).toBe('deep');
  });

  it.each([
    ['an unclosed tag', (xml: string) => xml.replace('</w:body>', '')],
    ['mismatched tags', (xml: string) => xml.replace('</w:t>', '</w:p>')],
    ['an unknown entity', (xml: string) => xml.replace('<w:t>', '<w:t>&bogus;')],
    ['a NUL character', (xml: string) => xml.replace('<w:t>', '<w:t>\u0000')],
    ['a document type declaration', (xml: string) => xml.replace('<w:document', '<!DOCTYPE d><w:document')],
  ])('refuses a Word file with broken XML: %s', async (_label, damage) => {
    const xml = damage(deepDocumentXml(1));
    const error = await refused(upload('broken.docx', await docxWith(xml)), 400);
    expect(error.message).toMatch(/damaged|document type declaration/);
  });

  it('refuses a PDF whose content stream is corrupt', async () => {
    const pdf = await buildClassicPdf(TRUTH_CLASSIC);
    const start = pdf.indexOf('stream\n', 0, 'latin1') + 7;
    pdf.fill(0x41, start + 20, start + 60);
    const error = await refused(upload('corrupt.pdf', pdf), 400);
    expect(error.message).toMatch(/damaged and cannot be read as a PDF/);
  });

  it('refuses a PDF whose streams would inflate to gigabytes, unread', async () => {
    bomb = bomb ?? inflatingPdf(300);
    const error = await refused(upload('bomb.pdf', await bomb), 413);
    expect(error.message).toMatch(/would unpack to more than 256 MB/);
  });

  it('reads a well-formed 1 MB matrix of 500 recommendations on the review step', async () => {
    const text = bigMatrixText(MATRIX_LIMITS.maxRecommendations);
    expect(text.length).toBeGreaterThan(1_000_000);
    const res = await inject({
      method: 'POST',
      url: '/api/evaluations/import?dryRun=true',
      payload: { text },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().evaluation.recommendations).toHaveLength(500);
  });

  it('refuses a matrix of more than 500 recommendations, saying the limit', async () => {
    const text = bigMatrixText(MATRIX_LIMITS.maxRecommendations + 20);
    const error = await refused(
      { method: 'POST', url: '/api/evaluations/import?dryRun=true', payload: { text } },
      413,
    );
    expect(error.message).toMatch(/520 recommendations; Integra reads up to 500/);
    const file = await refused(upload('big.txt', Buffer.from(text)), 413);
    expect(file.message).toMatch(/up to 500/);
  });

  it('refuses a matrix of more than 5,000 key actions, and one of more than 100,000 lines', async () => {
    const actions = buildClassicText(manyRecommendations(100, 60));
    const error = await refused(upload('actions.txt', Buffer.from(actions)), 413);
    expect(error.message).toMatch(/6,000 key actions; Integra reads up to 5,000/);
    const lines = await refused(
      upload('lines.txt', Buffer.from('Evaluation recommendation 1: a\n'.repeat(100_001))),
      413,
    );
    expect(lines.message).toMatch(/more than 100,000 lines/);
  });

  it('refuses a field longer than an evaluation keeps, naming it', async () => {
    const text = `Evaluation recommendation 1: ${'word '.repeat(12_000)}\nRecommendation to: Programme management`;
    const error = await refused(
      { method: 'POST', url: '/api/evaluations/import?dryRun=true', payload: { text } },
      400,
    );
    expect(JSON.stringify(error)).toMatch(/recommendations\.0\.text/);
  });

  it('refuses a NUL in a search as a visitor, and on several routes as a member (it was a 500)', async () => {
    const visitor = as(app, null);
    const error = await refused({ url: '/api/practices?q=%00' }, 400, visitor);
    expect(error.message).toMatch(/cannot be stored/);
    for (const url of [
      '/api/evaluations?q=a%00b',
      '/api/actions?q=%00',
      '/api/practices?q=%00',
      '/api/units?q=%00',
    ]) {
      await refused({ url }, 400);
    }
  });

  it('refuses a NUL or a lone surrogate in any JSON field', async () => {
    for (const name of ['a\u0000b', 'x\ud800y']) {
      const error = await refused({ method: 'POST', url: '/api/units', payload: { name } }, 400);
      expect(error.message).toMatch(/body\.name/);
      await refused(
        { method: 'POST', url: '/api/evaluations/import?dryRun=true', payload: { text: name } },
        400,
      );
      await refused(
        { method: 'POST', url: '/api/evaluations', payload: { evaluation: { title: name } } },
        400,
      );
    }
  });

  it('refuses a JSON body that is not valid UTF-8, and a query or path with a malformed escape', async () => {
    const body = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('"}'),
    ]);
    const error = await refused(
      { method: 'POST', url: '/api/units', headers: { 'content-type': 'application/json' }, payload: body },
      400,
    );
    expect(error.message).toMatch(/not valid UTF-8/);
    await refused({ url: '/api/practices?q=%ff%fe' }, 400);
    await refused({ url: '/api/practices?q=%' }, 400);
    await refused({ url: '/api/evaluations/%ff' }, 400);
    await refused({ url: `/api/evaluations/${'x'.repeat(3000)}` }, 414);
  });

  it('answers every route refused with a reason when its query and body hold a NUL', async () => {
    const failures: string[] = [];
    for (const route of app.routeTable) {
      if (route.url.startsWith('/api/auth/')) continue;
      const url = route.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const nul = '\u0000';
      const res = await inject({
        method: route.method as InjectOptions['method'],
        url: `${url}?q=%00&status=%00&page=%00`,
        ...(route.method === 'GET' || route.method === 'DELETE'
          ? {}
          : { payload: { name: nul, text: nul, title: nul, email: `a${nul}@example.org`, note: nul } }),
      });
      let shaped = false;
      try {
        shaped = typeof res.json().error?.code === 'string';
      } catch {}
      if (res.statusCode >= 500 || !shaped) failures.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('what a server error logs', () => {
  it('logs a failed query without its parameters, and a client mistake not at all', async () => {
    let handler: ((err: unknown, request: unknown, reply: unknown) => unknown) | null = null;
    registerErrorHandler({
      setErrorHandler: (h: typeof handler) => (handler = h),
    } as unknown as FastifyInstance);
    const logged: unknown[] = [];
    const request = { log: { error: (...args: unknown[]) => logged.push(args) } };
    const reply = { status: () => reply, send: (body: unknown) => body };
    const query = Object.assign(
      new Error('Failed query: select 1 where name = $1\nparams: secret-user-data'),
      {
        query: 'select 1 where name = $1',
        params: ['secret-user-data'],
        cause: Object.assign(new Error('boom'), { code: 'XX000' }),
      },
    );
    expect(handler).not.toBeNull();
    const run = handler as unknown as (err: unknown, request: unknown, reply: unknown) => unknown;
    run(query, request, reply);
    expect(logged).toHaveLength(1);
    const text = JSON.stringify(logged);
    expect(text).toMatch(/select 1 where name/);
    expect(text).not.toMatch(/secret-user-data/);
    expect(text).toMatch(/at /);
    // A client's mistake from the database (NUL in text) is a 400, not logged.
    run(Object.assign(new Error('invalid byte sequence'), { code: '22021' }), request, reply);
    expect(logged).toHaveLength(1);
    expect(forLog(query).message).toBe('Failed query: select 1 where name = $1');
  });
});

describe('the CLI on hostile files', () => {
  it('exits 2 with the reason for a deeply nested Word file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'integra-hostile-'));
    try {
      const deep = path.join(dir, 'deep.docx');
      writeFileSync(deep, await docxWith(deepDocumentXml(10_000)));
      const run = await runCli(['import', 'matrix', deep, '--dry-run'], {
        INTEGRA_DATA: path.join(dir, 'data'),
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/nested more than 1000 levels/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
