/**
 * Details people meet every day: the review lists what to check at the top and leads to each field,
 * its fields say which is which and its key actions have room; a filter that matches nothing offers
 * the way back; the heatmap names its columns and marks cells with symbols, the radar names its axes
 * and gives its figures as a table; badges are never cut; Arabic is laid out right to left from the
 * first visit.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { openSession, type Session } from './browser.js';

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const matrix = read('../src/modules/evaluations/import/fixtures/classic-welcome-desks.txt');
const practicePages = read('../src/modules/practices/import/fixtures/two-practices.txt');

const DESKTOP = { width: 1400, height: 1000 };
const PHONE = { width: 390, height: 844 };

/** How wide the page is: at 390 px nothing but the boxes made to scroll may be wider. */
const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);

/** Labels shown more than once among the given elements' own labels. */
async function repeatedLabels(page: Page, scope: string): Promise<string[][]> {
  return page.evaluate((scope) => {
    const out: string[][] = [];
    for (const box of document.querySelectorAll(scope)) {
      const own = [...box.querySelectorAll('label')]
        // A field of a key action belongs to its action's box, not to the recommendation's.
        .filter((l) => l.closest('fieldset, [data-recommendation]') === box)
        .map((l) => l.textContent?.trim() ?? '')
        .filter(Boolean);
      const twice = own.filter((l, i) => own.indexOf(l) !== i);
      if (twice.length) out.push(twice);
    }
    return out;
  }, scope);
}

describe('everyday details in the browser', () => {
  let s: Session;
  let practiceIds: string[];
  beforeAll(async () => {
    s = await openSession();
    const { page, url } = s;
    const post = async (to: string, data: unknown) => {
      const res = await page.request.post(`${url}${to}`, { data });
      expect(res.status(), `${to}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    await post('/api/units', { name: 'City coordinators', aliases: [], focalPoints: [] });
    await post('/api/evaluations/import', { text: matrix });
    const read = await post('/api/practices/import?dryRun=true', { text: practicePages });
    practiceIds = (await post('/api/practices', { practices: read.practices })).ids;
    for (const id of practiceIds)
      for (const to of ['in_review', 'published']) await post(`/api/practices/${id}/workflow`, { to });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists what to check at the top of the review, each leading to its field, with fields told apart', async () => {
    const { page, url } = s;
    await page.setViewportSize(DESKTOP);
    await page.goto(`${url}/import`);
    await page.getByLabel('Matrix text').fill(matrix);
    await page.getByRole('button', { name: 'Read matrix' }).click();
    const summary = page.getByTestId('review-summary');
    await summary.waitFor();
    // Every warning of the reading is in the summary, before the first recommendation.
    const count = Number(
      /(\d+) things? to check/.exec(
        (await page
          .getByText(/things? to check/)
          .first()
          .textContent()) ?? '',
      )?.[1],
    );
    expect(count).toBeGreaterThan(0);
    await expect(summary.getByRole('listitem').count()).resolves.toBeGreaterThanOrEqual(count);
    const [summaryBox, firstCard] = await Promise.all([
      summary.boundingBox(),
      page.getByRole('region', { name: 'Recommendation 1', exact: true }).boundingBox(),
    ]);
    expect(summaryBox!.y).toBeLessThan(firstCard!.y);

    // A link to a field of the last recommendation, whose fields are made only when it comes near.
    const link = summary.getByRole('button', { name: /^recommendation 4, action 4\.1/ }).first();
    await link.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/^Action 4\.1: /);

    // The decision and the response's text are two fields with two names; no label is shown twice.
    const rec1 = page.getByRole('region', { name: 'Recommendation 1', exact: true });
    await rec1.getByLabel('Decision: accept, partially accept or reject').waitFor();
    await rec1.getByLabel('Management response text').waitFor();
    expect(await repeatedLabels(page, '[data-recommendation], fieldset')).toEqual([]);

    // A key action's text has room on a desktop: no word a line.
    const text = page.getByRole('textbox', { name: 'Action 1.1: Key action' });
    expect((await text.boundingBox())!.width).toBeGreaterThan(500);

    // On a phone each key action is a box of fields one under the other, nothing scrolling sideways.
    await page.setViewportSize(PHONE);
    await text.scrollIntoViewIfNeeded();
    expect((await text.boundingBox())!.width).toBeGreaterThan(280);
    const comments = page.getByRole('textbox', { name: 'Action 1.1: Comments or action taken' });
    expect((await comments.boundingBox())!.y).toBeGreaterThan((await text.boundingBox())!.y);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize(DESKTOP);
  });

  it('offers to clear filters that match nothing, on every filtered list', async () => {
    const { page, url } = s;
    const lists = [
      {
        path: '/actions?dueBefore=1990-01-01',
        none: 'No action matches these filters.',
        back: /^[1-9]\d* actions?$/,
      },
      {
        path: '/evaluations?q=nothing-like-this',
        none: 'No evaluation matches this search.',
        back: /Welcome Desks/,
      },
      {
        path: '/practices?q=nothing-like-this',
        none: 'No practice matches these filters.',
        back: /^2 practices$/,
      },
    ];
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      for (const list of lists) {
        await page.goto(`${url}${list.path}`);
        await page.getByText(list.none).waitFor();
        await page.getByRole('button', { name: 'Clear filters' }).click();
        await page.getByText(list.back).first().waitFor();
        expect(new URL(page.url()).search).toBe('');
        await expect.poll(() => page.getByText(list.none).count()).toBe(0);
      }
      // The unit directory filters as one types.
      await page.goto(`${url}/units`);
      await page.getByLabel('Find a unit').fill('nothing like this');
      await page.getByText('No unit matches this search.').waitFor();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect(page.getByLabel('Find a unit').inputValue()).resolves.toBe('');
      await page.locator('[data-unit]').first().waitFor();
    }
    await page.setViewportSize(DESKTOP);
  });

  it('names the heatmap’s columns and marks its cells with symbols explained in a legend', async () => {
    const { page, url } = s;
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await page.goto(`${url}/practices/heatmap`);
      const table = page.getByTestId('heatmap');
      await table.waitFor();
      for (const title of ['Welcome Cafés in Lower Saxony', 'Mentoring for Young Jobseekers']) {
        await table.getByRole('columnheader', { name: title }).waitFor();
      }
      // A cell says its mark in words (for screen readers) and shows it as a symbol, not by colour alone.
      const row = table.locator('tr[data-item="IP1.3"]');
      await expect(row.getByRole('cell', { name: 'Not met', exact: true }).count()).resolves.toBeGreaterThan(
        0,
      );
      const notMet = row.locator('td[data-mark="not_met"]').first();
      await expect(notMet.textContent()).resolves.toContain('✗');
      const legend = page.getByRole('list', { name: 'What the marks mean' });
      for (const mark of ['Met', 'Not met', 'Not applicable', 'Not assessed']) {
        await legend.getByText(mark, { exact: true }).waitFor();
      }
      if (size === PHONE) expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.setViewportSize(DESKTOP);
  });

  it('names the radar’s axes by criterion and gives its figures as a table', async () => {
    const { page, url } = s;
    const cafes = practiceIds[practiceIds.length - 1];
    await page.goto(`${url}/practices/${cafes}`);
    const table = page.getByRole('table', { name: 'Coverage per criterion' });
    await table.waitFor();
    await table.getByRole('rowheader', { name: 'Inclusivity & Participation' }).waitFor();
    const axes = await page.locator('svg[role="img"] text').allTextContents();
    expect(axes.join(' ')).toContain('Inclusivity');
    expect(axes).not.toContain('IP');
  });

  it('shows a badge’s whole label', async () => {
    const { page, url } = s;
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await page.goto(`${url}/evaluations`);
      const badge = page.getByText(/^\d+ overdue$/i).first();
      await badge.waitFor();
      const cut = await badge.evaluate((el) => {
        const label = el.closest('.mantine-Badge-root')?.querySelector('.mantine-Badge-label') ?? el;
        const root = label.closest('.mantine-Badge-root') ?? label;
        return label.scrollWidth > root.clientWidth + 1 || label.scrollWidth > label.clientWidth + 1;
      });
      expect(cut).toBe(false);
    }
    await page.setViewportSize(DESKTOP);
  });

  it('lays the app out right to left in Arabic, from a visitor’s first page', async () => {
    const visitor = await s.newPage();
    const { url } = s;
    const html = () =>
      visitor.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    await visitor.goto(`${url}/practices`);
    await visitor.getByRole('heading', { level: 1 }).waitFor();
    await expect(html()).resolves.toEqual({ lang: 'en', dir: 'ltr' });
    await visitor.getByRole('combobox', { name: 'Language' }).first().selectOption('ar');
    await expect.poll(html).toEqual({ lang: 'ar', dir: 'rtl' });
    // The header follows: the name of the app on the right.
    const brand = await visitor.getByText('Integra', { exact: true }).first().boundingBox();
    expect(brand!.x).toBeGreaterThan(DESKTOP.width / 2);

    // Coming back, the page opens in Arabic at once, before anyone signs in.
    await visitor.goto(`${url}/sign-in`);
    await expect(html()).resolves.toEqual({ lang: 'ar', dir: 'rtl' });
    await visitor.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();

    expect(await seriousViolations(visitor)).toEqual([]);

    // On narrower screens the menu's button is on the left, and the menu comes in from that side.
    await visitor.setViewportSize({ width: 800, height: 900 });
    const burger = visitor.locator('header button[aria-expanded]');
    expect((await burger.boundingBox())!.x).toBeLessThan(400);
    await burger.click();
    const menu = visitor.getByRole('dialog');
    await menu.getByRole('link').first().waitFor();
    await expect.poll(async () => (await menu.boundingBox())?.x).toBeLessThan(10);
    await expect.poll(async () => (await menu.boundingBox())?.width).toBeLessThan(600);
    await visitor.context().close();
  });
});
