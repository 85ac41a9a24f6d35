/**
 * First-load benchmark: starts Integra on a fresh data folder (with its first administrator),
 * opens the sign-in page and the public practice catalogue in Chromium with an empty cache, as a
 * visitor, and prints per page the JavaScript and CSS it loaded: bytes transferred (compressed as
 * the browser negotiated, brotli for Chromium), the same files gzipped, and their size unpacked.
 * Prints figures; asserts nothing. Builds nothing: run `npx vite build` first.
 *
 *   npx vite build && npm run bench:first-load
 *   npm run bench:first-load -- --files      each file too
 * Target (issue 12, item 9): ≤ 150 KB of JavaScript, gzip, on each page's first load.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { WEB_DIST } from '../src/server/app.js';
import { startServer } from '../src/test/spawn.js';

const FILES = process.argv.includes('--files');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET_KB = 150;
const PAGES = [
  { name: 'sign-in', path: '/sign-in', ready: 'input[type="password"]' },
  { name: 'catalogue', path: '/practices', ready: 'h1, h2' },
];

if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
  console.error(`No built web app in ${WEB_DIST}: run \`npx vite build\` first.`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH.`);
  process.exit(1);
}

interface Totals {
  files: number;
  transferred: number;
  gzip: number;
  raw: number;
  encodings: Set<string>;
}
const empty = (): Totals => ({ files: 0, transferred: 0, gzip: 0, raw: 0, encodings: new Set() });
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const data = mkdtempSync(path.join(tmpdir(), 'integra-bench-'));
const server = await startServer({ INTEGRA_DATA: data });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  // With an administrator, the sign-in page is the one a visitor gets (not the first-run setup).
  // (Sent as the app's page would, with its Origin: outside tests the sign-in library asks for one.)
  const setup = await fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({
      name: 'Ada Admin',
      email: 'admin@example.org',
      password: 'a long bench password',
    }),
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  console.log(
    `First load, empty cache, as a visitor (${server.url}); target ≤ ${TARGET_KB} KB of JavaScript gzip.\n`,
  );
  console.log(
    `${'page'.padEnd(10)} ${'kind'.padEnd(4)} ${'files'.padStart(5)} ${'transferred'.padStart(12)} ${'gzip'.padStart(10)} ${'unpacked'.padStart(10)}  target`,
  );
  for (const target of PAGES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const totals = { js: empty(), css: empty() };
    const pending: Promise<void>[] = [];
    const files: string[] = [];
    page.on('requestfinished', (request) => {
      const kind =
        request.resourceType() === 'script' ? 'js' : request.resourceType() === 'stylesheet' ? 'css' : null;
      if (!kind) return;
      pending.push(
        (async () => {
          const response = await request.response();
          if (!response) return;
          const [sizes, body] = await Promise.all([request.sizes(), response.body()]);
          const t = totals[kind];
          t.files++;
          t.transferred += sizes.responseBodySize;
          t.gzip += gzipSync(body).length;
          t.raw += body.length;
          t.encodings.add((await response.headerValue('content-encoding')) ?? 'none');
          if (FILES)
            files.push(`  ${kb(gzipSync(body).length).padStart(9)} gzip  ${new URL(request.url()).pathname}`);
        })(),
      );
    });
    await page.goto(server.url + target.path, { waitUntil: 'networkidle' });
    await page.waitForSelector(target.ready);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    for (const [kind, t] of Object.entries(totals)) {
      const verdict =
        kind === 'js' ? `${t.gzip <= TARGET_KB * 1024 ? 'within' : 'OVER'} ${TARGET_KB} KB` : '';
      console.log(
        `${target.name.padEnd(10)} ${kind.padEnd(4)} ${String(t.files).padStart(5)} ${kb(t.transferred).padStart(12)} ${kb(t.gzip).padStart(10)} ${kb(t.raw).padStart(10)}  ${verdict}  (${[...t.encodings].join(', ')})`,
      );
    }
    if (FILES) console.log(files.sort().reverse().join('\n'));
    await context.close();
  }
} finally {
  await browser.close();
  server.child.kill();
  rmSync(data, { recursive: true, force: true });
}
