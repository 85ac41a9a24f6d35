/** Starts Integra on a fresh data folder and Debian's Chromium to drive it, as a user would. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startServer } from '../src/test/spawn.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  url: string;
  page: Page;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH.`,
    );
  }
  const data = mkdtempSync(path.join(tmpdir(), 'integra-e2e-'));
  const server = await startServer({ INTEGRA_DATA: data });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  return {
    url: server.url,
    page,
    close: async () => {
      await browser.close();
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('close', r));
      rmSync(data, { recursive: true, force: true });
    },
  };
}
