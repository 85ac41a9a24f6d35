/**
 * "Review beside the original": a multi-page PDF matrix is uploaded, each recommendation is shown
 * beside its page drawn by pdf.js in the browser, a field flagged by a warning is fixed, and the
 * fix is saved; at 390 px the original folds above the fields and nothing scrolls sideways; axe
 * finds nothing serious. Screenshots go to /tmp/review-*.png for a person to look at.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClassicPdf,
  buildClassicText,
  TRUTH_CLASSIC,
} from '../src/modules/evaluations/import/fixtures/documents.js';
import type { ImportedEvaluation } from '../src/modules/evaluations/model.js';
import { openSession, type Session } from './browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The classic evaluation with `count` recommendations (its three, over and over, renumbered). */
function manyRecommendations(count: number): ImportedEvaluation {
  const t = structuredClone(TRUTH_CLASSIC);
  const base = t.recommendations;
  t.recommendations = Array.from({ length: count }, (_, k) => {
    const r = structuredClone(base[k % base.length]);
    r.number = String(k + 1);
    r.actions = r.actions.map((a, j) => ({ ...a, number: `${k + 1}.${j + 1}` }));
    return r;
  });
  return t;
}

/** Serious or critical accessibility violations on the page, as axe-core finds them. */
async function seriousViolations(page: Page) {
  // Evaluated through the debugging protocol: the app's Content-Security-Policy does not apply.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.slice(0, 10).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`),
      }));
  });
}

/** How many pixels of the canvas are not white (pdf.js has drawn the page when there are many). */
function inkOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
    return ink;
  });
}

describe('review beside the original', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows each recommendation beside its PDF page, fixes a flagged field and saves it', async () => {
    const { page, url } = s;
    const truth = manyRecommendations(20);
    // Recommendation 5 runs from page 1 onto page 2; the first timeframe of recommendation 2 gives no date.
    truth.recommendations[1].actions[0].timeframe = 'After the election';
    const pdf = await buildClassicPdf(truth);

    await page.goto(`${url}/import`);
    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'interpreters.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.getByRole('button', { name: 'Read matrix' }).click();
    await page.getByRole('heading', { name: 'Review before saving' }).waitFor();
    await page.getByText(/^20 recommendations and \d+ key actions/).waitFor();

    // Recommendation 5 beside its pages, drawn in the browser.
    const rec5 = page.getByRole('region', { name: 'Recommendation 5', exact: true });
    await rec5.scrollIntoViewIfNeeded();
    const pages = rec5.locator('figure[data-page]');
    await expect.poll(() => pages.count(), { timeout: 600_000 }).toBe(2);
    const first = rec5.getByRole('img', { name: /^Page 1 of \d+ of the original/ });
    await first.waitFor();
    await expect
      .poll(() => inkOf(page, `section[data-recommendation="4"] figure[data-page="1"] canvas`), {
        timeout: 600_000,
      })
      .toBeGreaterThan(2000);
    await expect(rec5.getByText(/^Page 2 of \d+$/).count()).resolves.toBe(1);
    // Its region is marked on each page: the foot of page 1, the head of page 2.
    const markOn = async (p: number) => {
      const figure = rec5.locator(`figure[data-page="${p}"]`);
      await figure.scrollIntoViewIfNeeded();
      await figure.locator('[data-mark]').waitFor({ timeout: 600_000 });
      const canvas = (await figure.locator('canvas').boundingBox())!;
      const mark = (await figure.locator('[data-mark]').boundingBox())!;
      return {
        top: (mark.y - canvas.y) / canvas.height,
        bottom: (mark.y + mark.height - canvas.y) / canvas.height,
      };
    };
    const onFirst = await markOn(1);
    const onSecond = await markOn(2);
    expect(onFirst.top).toBeGreaterThan(0.3);
    expect(onFirst.bottom).toBeGreaterThan(0.7);
    expect(onSecond.top).toBeLessThan(0.3);
    expect(onSecond.bottom).toBeLessThan(0.9);
    await expect(first.getAttribute('aria-label')).resolves.toContain('marked');
    await first.scrollIntoViewIfNeeded();
    // The canvas is as wide as its column, not the page's own size (once a redraw for a column that
    // changed width, as when a scroll bar appears, has settled).
    const width = async () => (await first.boundingBox())?.width ?? 0;
    await expect.poll(width, { timeout: 600_000 }).toBeGreaterThan(300);
    expect(await width()).toBeLessThan(800);
    // Only the pages near the screen are drawn.
    expect(await page.locator('figure[data-page] canvas').count()).toBeLessThanOrEqual(12);
    await page.screenshot({ path: '/tmp/review-desktop.png' });

    // Zoomed in, the page scrolls in its own frame.
    await rec5.getByRole('button', { name: 'Zoom in on page 1' }).click();
    await rec5.getByText('150%').first().waitFor();
    await expect
      .poll(() => inkOf(page, `section[data-recommendation="4"] figure[data-page="1"] canvas`), {
        timeout: 600_000,
      })
      .toBeGreaterThan(2000);
    await page.screenshot({ path: '/tmp/review-desktop-zoom.png' });
    await rec5.getByRole('button', { name: 'Zoom out of page 1' }).click();

    // The warning is listed on its recommendation's card and leads to its field, which is fixed.
    const rec2 = page.getByRole('region', { name: 'Recommendation 2', exact: true });
    const checks = rec2.getByRole('group', { name: '1 thing to check in this recommendation' });
    await checks.getByText(/The timeframe "After the election"/).waitFor();
    await checks.getByRole('button', { name: /^Go to recommendation 2, action 2\.1, timeframe/ }).click();
    const timeframe = page.getByRole('textbox', { name: 'Action 2.1: Timeframe or deadline' });
    await expect.poll(() => timeframe.evaluate((el) => el === document.activeElement)).toBe(true);
    await timeframe.fill('Q4 2024');
    await expect(page.getByRole('textbox', { name: 'Action 2.1: Due by' }).inputValue()).resolves.toBe(
      '2024-12-31',
    );
    await checks.getByText('✓').waitFor();
    await rec2.screenshot({ path: '/tmp/review-desktop-warning.png' });

    expect(await seriousViolations(page)).toEqual([]);

    // A phone: the original folds above the fields, and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await rec5.getByRole('button', { name: 'Show the original (pages 1 and 2)' }).waitFor();
    expect(await page.locator('figure[data-page] canvas').count()).toBe(0);
    await rec5.getByRole('button', { name: 'Show the original (pages 1 and 2)' }).click();
    await expect
      .poll(() => inkOf(page, `section[data-recommendation="4"] figure[data-page="1"] canvas`), {
        timeout: 600_000,
      })
      .toBeGreaterThan(1000);
    await rec5.getByRole('img', { name: /^Page 1 of \d+ of the original/ }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: '/tmp/review-390.png' });
    await page.getByRole('heading', { name: 'Review before saving' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/review-390-top.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 1000 });

    await page.getByRole('button', { name: 'Save evaluation' }).first().click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    // The review stays on screen until the matrix page has loaded (a navigation is a transition).
    await page.getByRole('button', { name: 'Save evaluation' }).first().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Recommendation 20' }).waitFor();
    const row = page.locator('tr[data-action="2.1"]');
    await expect(row.textContent()).resolves.toContain('Q4 2024');
    await expect(row.textContent()).resolves.not.toContain('After the election');
  });

  it('shows a pasted matrix as its lines, and stays quick to edit with 100 recommendations', async () => {
    const { page, url } = s;
    const text = buildClassicText(manyRecommendations(100));
    await page.goto(`${url}/import`);
    await page.getByLabel('Matrix text').fill(text);
    const started = Date.now();
    await page.getByRole('button', { name: 'Read matrix' }).click();
    await page.getByText(/^100 recommendations and \d+ key actions/).waitFor();
    await page.getByRole('region', { name: 'Recommendation 100', exact: true }).waitFor();
    const shown = Date.now() - started;

    // The original of a pasted text: its lines, the tab-separated ones as a table.
    const rec2 = page.getByRole('region', { name: 'Recommendation 2', exact: true });
    await rec2
      .locator('[data-original="lines"]')
      .getByRole('cell', { name: 'By end of September 2024', exact: true })
      .waitFor();

    // Typing into one recommendation redraws that one only: each key is on screen at once.
    // Cards far down are filled in as they come near the screen.
    await page.getByRole('region', { name: 'Recommendation 50', exact: true }).scrollIntoViewIfNeeded();
    const field = page.getByRole('textbox', { name: 'Action 50.1: Comments or action taken' });
    await field.scrollIntoViewIfNeeded();
    await field.fill('');
    // How long each key takes from press to paint, as the browser's Event Timing API measures it.
    await page.evaluate(() => {
      const w = window as unknown as { slowest: number };
      w.slowest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.slowest = Math.max(w.slowest, e.duration);
      }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    });
    const words = 'Checked against the original';
    const typing = Date.now();
    await field.pressSequentially(words);
    const perKey = (Date.now() - typing) / words.length;
    await expect(field.inputValue()).resolves.toBe(words);
    // Event timings are reported after the next paints: wait for two frames, not a fixed time.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
    );
    const slowest = await page.evaluate(() => (window as unknown as { slowest: number }).slowest);
    console.log(
      `100 recommendations: review shown in ${shown} ms; typing ${perKey.toFixed(1)} ms a key ` +
        `(Playwright's round trip included), slowest key to paint ${slowest} ms`,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});
