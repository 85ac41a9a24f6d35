import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { buildZipBomb } from '../modules/evaluations/import/fixtures/documents.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { testDatabases } from '../test/databases.js';
import { as, setupAdmin } from '../test/session.js';
import { buildApp } from './app.js';

const fixture = readFileSync(
  fileURLToPath(new URL('../modules/evaluations/import/fixtures/classic-welcome-desks.txt', import.meta.url)),
  'utf8',
);

function multipart(filename: string, content: Buffer) {
  const boundary = '----integra-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(testDatabases())('HTTP API on $name', ({ open }) => {
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

  const evaluationCount = async () => (await inject({ url: '/api/evaluations' })).json().total as number;

  it('reads pasted text without saving it on a dry run', async () => {
    const res = await inject({
      method: 'POST',
      url: '/api/evaluations/import?dryRun=true',
      payload: { text: fixture },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.evaluation.recommendations).toHaveLength(4);
    expect(body.warnings.length).toBeGreaterThan(0);
    expect(await evaluationCount()).toBe(0);
  });

  it('imports an uploaded .txt, then shows, edits and exports it', async () => {
    const up = multipart('welcome-desks.txt', Buffer.from(fixture));
    const res = await inject({ method: 'POST', url: '/api/evaluations/import/file', ...up });
    expect(res.statusCode).toBe(200);
    const { id } = res.json();
    const matrix = (await inject({ url: `/api/evaluations/${id}` })).json();
    expect(matrix.recommendations[0].actions[0].number).toBe('1.1');

    const action = matrix.recommendations[1].actions[0];
    const upd = await inject({
      method: 'POST',
      url: `/api/actions/${action.id}/updates`,
      payload: { author: 'Ana', comment: 'Done', status: 'completed' },
    });
    expect(upd.statusCode).toBe(201);
    expect(upd.json()).toMatchObject({ status: 'completed', overdue: false });

    const docx = await inject({ url: `/api/evaluations/${id}/export?format=docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/attachment; filename=".+\.docx"/);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await inject({ url: `/api/evaluations/${id}/export?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await inject({ url: `/api/evaluations/${id}/export?format=csv` });
    expect(csv.payload.split('\n').length).toBeGreaterThan(9);
    const bad = await inject({ url: `/api/evaluations/${id}/export?format=pdf` });
    expect(bad.statusCode).toBe(400);

    // In the reader's language: headers, statuses, responses, yes/no and dates; codes stay codes.
    const fr = await inject({ url: `/api/evaluations/${id}/export?format=csv&lang=fr` });
    const french: Record<string, string>[] = parse(fr.payload, { bom: true, columns: true });
    const done = french.find((r) => r["N° d'action"] === action.number)!;
    expect(done).toMatchObject({ Statut: 'Achevée', 'Code du statut': 'completed', 'En retard': 'Non' });
    expect(done["Points d'avancement"]).toMatch(/^\d{1,2} \p{L}+ \d{4} – Ana: Done \(.+ → Achevée\)$/u);
    expect(french[0]['Réponse de la direction']).toBe('Acceptée');
    const unknown = await inject({ url: `/api/evaluations/${id}/export?format=csv&lang=xx` });
    expect(unknown.statusCode).toBe(400);
  });

  it('lists and exports what a unit owes across evaluations', async () => {
    const list = await inject({ url: '/api/actions?responsible=city%20coordinators' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [expect.objectContaining({ number: '1.1', responsible: 'City coordinators' })],
    });
    const csv = await inject({ url: '/api/actions/export?format=csv&overdue=true' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="actions-2024-01-15\.csv"/);
    const rows: Record<string, string>[] = parse(csv.payload, { bom: true, columns: true });
    expect(rows.length).toBe((await inject({ url: '/api/actions?overdue=true' })).json().total);
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every(
        (r) => r.Overdue === 'Yes' && r['Status code'] !== 'completed' && r['Due by'] < '2024-01-15',
      ),
    ).toBe(true);
    const ar = await inject({ url: '/api/actions/export?format=csv&overdue=true&lang=ar' });
    const arabic: Record<string, string>[] = parse(ar.payload, { bom: true, columns: true });
    expect(arabic.length).toBe(rows.length);
    expect(arabic.every((r) => r['متأخر'] === 'نعم' && r['رمز الحالة'] !== 'completed')).toBe(true);
  });

  it('refuses bad files with a reason and saves nothing', async () => {
    const before = await evaluationCount();
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    // Each refusal also names its reason, for the web to say it in the reader's language.
    const cases: [string, Buffer, number, RegExp, string?][] = [
      ['empty.txt', Buffer.alloc(0), 400, /empty/, 'emptyMatrix'],
      [
        'letter.txt',
        Buffer.from('Dear all,\nthe meeting is moved to Tuesday.\n'),
        400,
        /No recommendation found/,
        'noRecommendation',
      ],
      ['junk.bin', junk, 415, /not a text, Word \(\.docx\) or PDF file/, 'binary'],
      ['matrix.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 400, /damaged/, 'damaged'],
      ['minutes.docx', Buffer.from('PK\u0003\u0004 not really a zip'), 400, /damaged/, 'damaged'],
      ['big.txt', Buffer.alloc(50 * 1024 * 1024, 'a'), 413, /MB|larger/],
    ];
    for (const [name, content, status, message, reason] of cases) {
      const res = await inject({
        method: 'POST',
        url: '/api/evaluations/import/file',
        ...multipart(name, content),
      });
      expect({ name, status: res.statusCode }).toEqual({ name, status });
      expect(res.json().error.message).toMatch(message);
      if (reason) expect({ name, reason: res.json().error.reason }).toEqual({ name, reason });
    }
    expect(await evaluationCount()).toBe(before);
  });

  it('refuses a 1 GB zip bomb and stays unharmed', async () => {
    const bomb = await buildZipBomb();
    const before = process.memoryUsage().rss;
    const res = await inject({
      method: 'POST',
      url: '/api/evaluations/import/file',
      ...multipart('matrix.docx', bomb),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/unpack to more than/);
    expect(process.memoryUsage().rss - before).toBeLessThan(500 * 1024 * 1024);
    expect((await inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses invalid edits with field-level messages', async () => {
    const list = (await inject({ url: '/api/evaluations' })).json();
    const matrix = (await inject({ url: `/api/evaluations/${list.items[0].id}` })).json();
    const action = matrix.recommendations[0].actions[0];
    const due = await inject({
      method: 'PATCH',
      url: `/api/actions/${action.id}`,
      payload: { due: { from: '2024-05-01', to: '2024-01-01', inferred: false } },
    });
    expect(due.statusCode).toBe(400);
    expect(due.json().error.details).toEqual([expect.objectContaining({ path: 'body.due.to' })]);
    const status = await inject({
      method: 'POST',
      url: `/api/actions/${action.id}/updates`,
      payload: { author: 'Ana', status: 'finished' },
    });
    expect(status.statusCode).toBe(400);
    expect(status.json().error.details[0].path).toBe('body.status');
    const priority = await inject({
      method: 'PATCH',
      url: `/api/recommendations/${matrix.recommendations[0].id}`,
      payload: { priority: 7 },
    });
    expect(priority.statusCode).toBe(400);
    expect(priority.json().error.details[0]).toMatchObject({
      path: 'body.priority',
      message: 'priority is 1, 2 or 3',
    });
    const missing = await inject({ url: '/api/evaluations/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('imports practice pages through review, publishes one, and finds it in the catalogue', async () => {
    const pages = readFileSync(
      fileURLToPath(new URL('../modules/practices/import/fixtures/two-practices.txt', import.meta.url)),
      'utf8',
    );
    const dry = await inject({
      method: 'POST',
      url: '/api/practices/import?dryRun=true',
      payload: { text: pages },
    });
    expect(dry.statusCode).toBe(200);
    const { practices, warnings } = dry.json();
    expect(practices).toHaveLength(2);
    expect(warnings).toHaveLength(3);
    practices[0].country = 'Germany';
    const saved = await inject({ method: 'POST', url: '/api/practices', payload: { practices } });
    expect(saved.statusCode).toBe(201);
    const [id] = saved.json().ids;
    for (const to of ['in_review', 'published']) {
      expect(
        (await inject({ method: 'POST', url: `/api/practices/${id}/workflow`, payload: { to } })).statusCode,
      ).toBe(200);
    }
    const found = (await inject({ url: '/api/practices?q=volunteers&country=Germany' })).json();
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([id]);
    const sheet = await inject({ url: `/api/practices/${id}/export?format=pdf` });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await inject({ url: `/api/practices/${id}/export?format=docx` });
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await inject({ url: '/api/practices/export?format=csv' });
    expect(csv.payload).toContain('Welcome Cafés in Lower Saxony');
    const bad = await inject({
      method: 'PUT',
      url: `/api/practices/${id}/assessment`,
      payload: {
        framework: 'spring@1',
        questions: [{ questionId: 'IP1', items: [{ itemId: 'IP1.1', mark: 'excellent' }] }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.questions.0.items.0.mark');
  });

  it('documents the API in OpenAPI at /api/docs', async () => {
    const doc = (await inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/evaluations',
        '/api/evaluations/import',
        '/api/actions',
        '/api/actions/{id}/updates',
      ]),
    );
    const ui = await inject({ url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});
