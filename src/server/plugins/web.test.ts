import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { ensureDefaultOrganisation } from '../../modules/accounts/service.js';
import { testDatabases } from '../../test/databases.js';
import { buildApp } from '../app.js';
import { IMMUTABLE } from './web.js';

// A built web app in miniature: the page, and one hashed script big enough to be worth compressing.
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
const page =
  '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';

const prebuiltBr = brotliCompressSync(script);
const prebuiltGz = gzipSync(script, { level: 9 });

describe('the web app and its assets', () => {
  let dist: string;
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'integra-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), page);
    writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), script);
    // One the build compressed already (vite.config.ts writes file.br and file.gz beside it).
    writeFileSync(path.join(dist, 'assets', 'page-Ef56Gh78.js'), script);
    writeFileSync(path.join(dist, 'assets', 'page-Ef56Gh78.js.br'), prebuiltBr);
    writeFileSync(path.join(dist, 'assets', 'page-Ef56Gh78.js.gz'), prebuiltGz);
    database = await testDatabases()[0]!.open();
    const organisationId = await ensureDefaultOrganisation(database.db);
    app = await buildApp({ db: database.db, organisationId, webDist: dist });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('sends a hashed script compressed and to be kept a year', async () => {
    const res = await app.inject({
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.rawPayload.length).toBeLessThan(script.length / 2);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, and to the plain file for a client that accepts neither', async () => {
    const gzip = await app.inject({
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);
    const plain = await app.inject({
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('sends the build’s own brotli or gzip copy as it is, and never as an address of its own', async () => {
    const url = '/assets/page-Ef56Gh78.js';
    const br = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.rawPayload.equals(prebuiltBr)).toBe(true);
    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.equals(prebuiltGz)).toBe(true);
    for (const copy of [`${url}.br`, `${url}.gz`])
      expect((await app.inject({ url: copy })).statusCode).toBe(404);
  });

  it('has index.html checked on every load, at / and at the pages of the app', async () => {
    for (const url of ['/', '/index.html', '/sign-in', '/practices/123']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(page);
    }
  });

  it('answers a missing icon or asset with a 404, not the page', async () => {
    for (const url of ['/favicon.ico', '/assets/index-OldBuild.js', '/assets/nothing', '/robots.txt']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).not.toMatch(/html/);
    }
  });

  it('compresses JSON replies of the API', async () => {
    const res = await app.inject({ url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString()).info.title).toBe('Integra API');
  });
});
