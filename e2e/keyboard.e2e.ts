/**
 * Keyboard paths, without the mouse: import a pasted matrix, go from the review's list of things to
 * check to a field and save, record progress in a dialog that keeps the focus and gives it back, and
 * search the catalogue and open a practice. Every stop is reached with Tab and shows where the focus is.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownKeys } from './axe.js';
import { openSession, type Session } from './browser.js';

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const matrix = read('../src/modules/evaluations/import/fixtures/classic-welcome-desks.txt');
const practicePages = read('../src/modules/practices/import/fixtures/two-practices.txt');

/** What has the focus: its role-ish tag, accessible name and whether a focus ring is drawn. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el.textContent ??
      '';
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    return { tag: el.tagName.toLowerCase(), id: el.id, name: label.replace(/\s+/g, ' ').trim(), ring };
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on what `matches` describes; fails after `max` presses. */
async function tabTo(
  page: Page,
  matches: (f: { tag: string; name: string; id: string }) => boolean,
  max = 80,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f && matches(f)) return f;
  }
  throw new Error(`not reached with ${max} presses of Tab; focus on ${JSON.stringify(await focused(page))}`);
}

describe('keyboard paths', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports a pasted matrix, goes to a field to check, saves, and records progress', async () => {
    const { page, url } = s;
    await page.goto(`${url}/import`);
    await page.getByRole('heading', { name: 'Import a management response matrix' }).waitFor();

    const box = await tabTo(page, (f) => f.tag === 'textarea');
    expect(box.name).toContain('Matrix text');
    await page.keyboard.insertText(matrix);
    const read = await tabTo(page, (f) => f.tag === 'button' && f.name === 'Read matrix');
    expect(read.ring).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Review before saving' }).waitFor();

    // From the list of things to check at the top, Enter puts the cursor in the field concerned.
    const summary = page.getByTestId('review-summary');
    await summary.waitFor();
    const first = summary.getByRole('button').first();
    const place = (await first.textContent()) ?? '';
    const link = await tabTo(page, (f) => f.tag === 'button' && f.name === place.trim(), 200);
    expect(link.ring).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page))?.id ?? '').toMatch(/^review-/);

    // The field is corrected where the cursor landed; Save is reached back up with Shift+Tab.
    await page.keyboard.press('End');
    await page.keyboard.type(' (checked)');
    await tabTo(page, (f) => f.tag === 'button' && f.name === 'Save evaluation', 200, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save evaluation' }).first().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Recommendation 4' }).waitFor();

    // Record progress: the dialog takes the focus, keeps it, and gives it back when closed.
    const opener = await tabTo(
      page,
      (f) => f.tag === 'button' && f.name.startsWith('Record progress on action'),
      200,
    );
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]')))
      .toBe(true);
    await tabTo(page, (f) => f.name.startsWith('Reported by'), 20);
    await page.keyboard.type('Lena Okafor');
    await tabTo(page, (f) => f.name.startsWith('What was done'), 20);
    await page.keyboard.type('Evening sessions piloted in Turin');
    // Tab never leaves the dialog.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    }
    await tabTo(page, (f) => f.tag === 'button' && f.name === 'Save progress', 20);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('1 progress update').first().waitFor();
    await expect.poll(async () => (await focused(page))?.name).toBe(opener.name);
  });

  it('searches the catalogue and opens a practice', async () => {
    const { page, url } = s;
    // Two practices to find (drafts: the editor's catalogue shows them when asked).
    await page.goto(`${url}/practices/import`);
    await page.getByRole('textbox', { name: 'Practice pages', exact: true }).fill(practicePages);
    await page.getByRole('button', { name: 'Read practices' }).click();
    await page.getByRole('button', { name: 'Save as drafts' }).click();
    await page.waitForURL(/\/practices\?status=draft/);
    await page.getByRole('heading', { name: 'Good-practice library' }).waitFor();
    await page.getByText('2 practices').waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Good-practice library' }).waitFor();
    const search = await tabTo(page, (f) => f.tag === 'input' && f.name.startsWith('Search'));
    expect(search.name).toContain('Search');
    await page.keyboard.type('cafés');
    await page.keyboard.press('Enter');
    await page.getByText('1 practice', { exact: true }).waitFor();
    const result = page.getByRole('link', { name: /Welcome Cafés/ }).first();
    await result.waitFor();
    const name = ((await result.textContent()) ?? '').trim();
    const link = await tabTo(page, (f) => f.tag === 'a' && f.name === name, 120);
    expect(link.ring).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    // The catalogue came with the first words only; the practice page waited for the rest of English.
    expect(await shownKeys(page)).toEqual([]);
    // The menu marks where the reader is (at the catalogue and below it).
    expect(await page.locator('header nav a[aria-current="page"]').allTextContents()).toEqual(['Practices']);
  });
});
