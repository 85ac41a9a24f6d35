/** Starts Integra on a fresh data folder and Debian's Chromium to drive it, as a user would. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { setupAdminOver, startServer } from '../src/test/spawn.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  url: string;
  page: Page;
  browser: Browser;
  /** A fresh browser context (another person) on the same server. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A server on a fresh data folder and a browser. With `signedIn` (the default) the first
 * administrator is created through the API and the browser holds their session.
 */
export async function openSession(
  options: { signedIn?: boolean; env?: Record<string, string> } = {},
): Promise<Session> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH.`,
    );
  }
  const data = mkdtempSync(path.join(tmpdir(), 'integra-e2e-'));
  const server = await startServer({ INTEGRA_DATA: data, ...(options.env ?? {}) });
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
  const newPage = async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1400, height: 1000 },
      locale: 'en-GB',
    });
    // A busy machine (CI on two cores, reading a PDF) can take longer than Playwright's 30 s to show a
    // page; waiting stops a test only when something is really stuck. Speed is measured in bench/.
    context.setDefaultTimeout(120_000);
    return context.newPage();
  };
  const page = await newPage();
  if (options.signedIn !== false) {
    const cookie = await setupAdminOver(server.url);
    const [name, value] = cookie.split(/=(.*)/s);
    await page.context().addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return {
    url: server.url,
    page,
    browser,
    newPage,
    close: async () => {
      await browser.close();
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('close', r));
      rmSync(data, { recursive: true, force: true });
    },
  };
}
