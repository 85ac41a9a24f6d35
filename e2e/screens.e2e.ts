/**
 * Every screen, on a desktop and on a phone (390×844): axe-core finds no serious or critical
 * violation, each page has one <h1> and headings that do not skip levels, and at 390 px nothing
 * scrolls sideways (tables scroll inside their own box); no screen shows a locale key for a word. Screenshots go to SCREENSHOTS_DIR when set.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrollsSideways, seriousViolations, shownKeys } from './axe.js';
import { openSession, type Session } from './browser.js';

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const SHOTS = process.env.SCREENSHOTS_DIR;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

/** The headings of the page in order, as levels: one h1, and no level skipped going down. */
async function headingProblems(page: Page): Promise<string[]> {
  const levels = await page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => (h as HTMLElement).offsetParent !== null || h.getClientRects().length > 0)
      .map((h) => Number(h.tagName[1])),
  );
  const problems: string[] = [];
  const h1 = levels.filter((l) => l === 1).length;
  if (h1 !== 1) problems.push(`${h1} <h1> elements`);
  levels.forEach((l, i) => {
    if (i > 0 && l > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} followed by h${l}`);
  });
  return problems;
}

describe('every screen on a desktop and a phone', () => {
  let s: Session;
  const screens: { name: string; path: string; ready: (p: Page) => Promise<unknown>; signedOut?: boolean }[] =
    [];

  beforeAll(async () => {
    s = await openSession();
    const { page, url } = s;
    const post = async (to: string, data: unknown, status = [200, 201]) => {
      const res = await page.request.post(`${url}${to}`, { data });
      expect(status, `${to}: ${await res.text()}`).toContain(res.status());
      return res.json();
    };
    const unitIds: string[] = [];
    for (const name of ['City coordinators', 'Communication unit']) {
      const unit = await post('/api/units', {
        name,
        aliases: [],
        focalPoints: [{ email: `${name[0]}@example.org` }],
      });
      unitIds.push(unit.id);
    }
    const { id: evaluationId } = await post('/api/evaluations/import', {
      text: read('../src/modules/evaluations/import/fixtures/classic-welcome-desks.txt'),
    });
    const practices = await post('/api/practices/import?dryRun=true', {
      text: read('../src/modules/practices/import/fixtures/two-practices.txt'),
    });
    const { ids } = await post('/api/practices', { practices: practices.practices });
    for (const to of ['in_review', 'published']) await post(`/api/practices/${ids[0]}/workflow`, { to });
    const round = await post('/api/rounds', {
      name: 'Time 2',
      dueOn: '2030-01-31',
      evaluationIds: [evaluationId],
    });
    await post('/api/invitations', { email: 'late@example.org', role: 'viewer' });
    const invitation = await post('/api/invitations', { email: 'new@example.org', role: 'editor' });
    const respond = new URL(round.unitsAsked[0].link).pathname;
    const standing = (await (await page.request.get(`${url}/api/units/${unitIds[0]}/link`)).json()).link;
    // A screen is shown once a heading with its name is (the heading checks come after).
    const heading = (name: string | RegExp) => (p: Page) =>
      p.getByRole('heading', { name }).first().waitFor();
    screens.push(
      { name: 'my-actions', path: '/my', ready: heading('My actions') },
      { name: 'evaluations', path: '/evaluations', ready: heading('Evaluations') },
      { name: 'matrix', path: `/evaluations/${evaluationId}`, ready: heading(/Welcome Desks/) },
      { name: 'import', path: '/import', ready: heading(/Import/) },
      {
        name: 'actions',
        path: '/actions',
        ready: (p) => p.getByText(/^\d+ actions?$/).waitFor(),
      },
      { name: 'actions-empty', path: '/actions?q=nothing-matches-this', ready: heading('Actions') },
      { name: 'portfolio', path: '/portfolio', ready: heading('Portfolio') },
      { name: 'recurring themes', path: '/portfolio/themes', ready: heading('Recurring themes') },
      { name: 'rounds', path: '/rounds', ready: heading(/rounds/i) },
      { name: 'new-round', path: '/rounds/new', ready: heading(/round/i) },
      { name: 'round', path: `/rounds/${round.id}`, ready: heading('Time 2') },
      { name: 'followup-settings', path: '/settings/follow-up', ready: heading(/.+/) },
      { name: 'organisation', path: '/settings/organisation', ready: heading('Organisation settings') },
      { name: 'units', path: '/units', ready: heading(/units/i) },
      { name: 'members', path: '/members', ready: heading('Members') },
      { name: 'catalogue', path: '/practices', ready: heading(/ractice/) },
      { name: 'practice', path: `/practices/${ids[0]}`, ready: heading('Welcome Cafés in Lower Saxony') },
      { name: 'assess', path: `/practices/${ids[1]}/assess`, ready: heading(/.+/) },
      { name: 'compare', path: `/practices/compare?ids=${ids.join(',')}`, ready: heading(/.+/) },
      { name: 'heatmap', path: '/practices/heatmap', ready: heading(/.+/) },
      { name: 'practice-import', path: '/practices/import', ready: heading(/.+/) },
      { name: 'respond', path: respond, ready: heading(/.+/), signedOut: true },
      {
        name: 'respond-unit',
        path: new URL(standing).pathname,
        ready: heading('Open actions of City coordinators'),
        signedOut: true,
      },
      {
        name: 'respond-bad-link',
        path: '/respond/not-a-link',
        ready: heading('This link does not work'),
        signedOut: true,
      },
      { name: 'sign-in', path: '/sign-in', ready: heading('Sign in'), signedOut: true },
      { name: 'forgot', path: '/forgot-password', ready: heading(/.+/), signedOut: true },
      {
        name: 'invitation',
        path: new URL(invitation.link).pathname,
        ready: heading(/Join/),
        signedOut: true,
      },
      { name: 'public-catalogue', path: '/practices', ready: heading(/ractice/), signedOut: true },
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const size of [
    { label: 'desktop', width: 1400, height: 1000 },
    { label: 'phone', width: 390, height: 844 },
  ]) {
    it(`passes axe, has ordered headings and fits the screen: ${size.label}`, async () => {
      const signedIn = s.page;
      const visitor = await s.newPage();
      const failures: string[] = [];
      for (const page of [signedIn, visitor]) {
        await page.setViewportSize(size);
        // A screen that does not show within this is reported, not waited for. Generous: a busy
        // two-core machine has taken more than 15 s to show a visitor's first page.
        page.setDefaultTimeout(60_000);
      }
      for (const screen of screens) {
        const page = screen.signedOut ? visitor : signedIn;
        await page.goto(`${s.url}${screen.path}`);
        try {
          await screen.ready(page).catch(async (err) => {
            throw new Error(
              `${(err as Error).message.split('\n')[0]} — headings: ${await page.locator('h1,h2,h3').allTextContents()}`,
            );
          });
        } catch (err) {
          failures.push(`${screen.name}: did not show (${(err as Error).message.split('\n')[0]})`);
          continue;
        }
        await page.waitForLoadState('networkidle');
        for (const k of await shownKeys(page)) failures.push(`${screen.name}: shows the key ${k}`);
        if (SHOTS)
          await page.screenshot({
            path: path.join(SHOTS, `${screen.name}-${size.label}.png`),
            fullPage: true,
          });
        for (const v of await seriousViolations(page)) failures.push(`${screen.name}: ${v}`);
        for (const h of await headingProblems(page)) failures.push(`${screen.name}: ${h}`);
        if (size.width < 500 && (await scrollsSideways(page)))
          failures.push(`${screen.name}: scrolls sideways`);
      }
      expect(failures).toEqual([]);
    });
  }
});
