import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser.js';

const seedPath = fileURLToPath(new URL('../../shared/seeds/003_1a4503dce7fa7caa.txt', import.meta.url));
const fixturePath = fileURLToPath(
  new URL('../src/modules/practices/import/fixtures/two-practices.txt', import.meta.url),
);
// The seed's seven practice pages when shared/ is beside the project (as in CI); our two otherwise.
const useSeed = existsSync(seedPath);
const source = readFileSync(useSeed ? seedPath : fixturePath, 'utf8');
const expected = useSeed
  ? { count: 7, word: 'vaccination', unmet: 'RC1.3' }
  : { count: 2, word: 'weekday', unmet: 'IP1.3' };

describe('the good-practice library in the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports practice pages, publishes one, finds it by a facet and a word, compares two, and plans an improvement', async () => {
    const { page, url } = s;
    await page.goto(`${url}/practices/import`);
    await page.getByRole('textbox', { name: 'Practice pages', exact: true }).fill(source);
    await page.getByRole('button', { name: 'Read practices' }).click();
    await page.getByRole('heading', { name: `Review ${expected.count} practices` }).waitFor();
    await page.getByText(/3 things to check/).waitFor();
    await page
      .getByRole('textbox', { name: 'Title of practice 1' })
      .fill('Community outreach for migrants in informal settlements');
    await page
      .getByRole('region', { name: 'Practice 1' })
      .getByRole('textbox', { name: 'Country' })
      .fill('Italy');
    await page.getByRole('textbox', { name: 'Title of practice 2' }).fill('Second practice under review');
    await page.getByRole('button', { name: 'Save as drafts' }).click();
    await page.waitForURL(/\/practices\?status=draft/);
    await page.getByText(`${expected.count} practices`).waitFor();

    await page.getByRole('link', { name: 'Community outreach for migrants in informal settlements' }).click();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published', { exact: true }).waitFor();
    // Coverage per criterion is drawn as a radar chart.
    await expect(page.getByRole('img', { name: /Coverage per criterion/ }).count()).resolves.toBe(1);

    // An unmet checklist item becomes an action in the one tracker.
    await page.getByRole('button', { name: `Plan an improvement for item ${expected.unmet}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Key action')
      .fill('Map the remaining target groups with the regional health office');
    await dialog.getByLabel('Responsible unit(s)').fill('Outreach team');
    await dialog.getByRole('button', { name: 'Create action' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('1 action', { exact: true }).waitFor();

    // The catalogue shows published practices: found by a facet and by a word of a narrative.
    await page.goto(`${url}/practices`);
    await page.getByText('1 practice', { exact: true }).waitFor();
    // Click rather than check(): the list re-renders with the new page's facets as it loads.
    await page.getByRole('checkbox', { name: 'Italy (1)' }).click();
    await page.waitForURL(/country=Italy/);
    // The box shows checked once the filtered page has loaded.
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Italy (1)' }).isChecked(), { timeout: 600_000 })
      .toBe(true);
    await page.getByLabel('Search titles, summaries and narratives').fill(expected.word);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(new RegExp(`q=${expected.word}`));
    await page
      .getByRole('link', { name: 'Community outreach for migrants in informal settlements' })
      .waitFor();

    // Compare two practices, whatever their status.
    await page.goto(`${url}/practices?status=all&sort=title`);
    await page.getByText(`${expected.count} practices`).waitFor();
    await page
      .getByRole('checkbox', {
        name: 'Select Community outreach for migrants in informal settlements to compare',
      })
      .check();
    await page.getByRole('checkbox', { name: 'Select Second practice under review to compare' }).check();
    await page.getByRole('button', { name: 'Compare (2 selected)' }).click();
    await page.getByRole('heading', { name: 'Compare practices' }).waitFor();
    const table = page.getByRole('table', { name: 'Compare practices' });
    await table.getByRole('link', { name: 'Second practice under review' }).waitFor();
    await expect(
      table.getByRole('link', { name: 'Community outreach for migrants in informal settlements' }).count(),
    ).resolves.toBe(1);

    // The action from the checklist is in the action list beside evaluation follow-up.
    await page.goto(`${url}/actions?responsible=Outreach`);
    const row = page.locator(`tr[data-action="${expected.unmet}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(
      'Community outreach for migrants in informal settlements',
    );
  });

  it('creates a practice and assesses it question by question', async () => {
    const { page, url } = s;
    await page.goto(`${url}/practices`);
    await page.getByRole('button', { name: 'New practice' }).click();
    await page.getByRole('dialog').getByLabel('Title').fill('Evening language cafés');
    await page.getByRole('button', { name: 'Create and assess' }).click();
    await page.getByRole('heading', { name: 'Assess: Evening language cafés' }).waitFor();
    await page
      .getByRole('checkbox', {
        name: 'Does the practice ensure that its services are accessible and responsive to diverse groups?',
      })
      .check();
    await page
      .getByLabel('How the practice answers this question')
      .fill('Cafés open in the evening, with childcare.');
    await page.getByRole('combobox', { name: 'Mark of IP1.1' }).selectOption('met');
    await page.getByRole('combobox', { name: 'Mark of IP1.2' }).selectOption('not_met');
    await page.getByRole('button', { name: 'Save assessment' }).first().click();
    await page.getByRole('heading', { name: 'Evening language cafés' }).waitFor();
    // The radar's figures are in a table beside it: the criterion's row says what was met.
    const row = page
      .getByRole('table', { name: 'Coverage' })
      .getByRole('row', { name: /Inclusivity & Participation/ });
    await expect(row.textContent()).resolves.toContain('1 of 2 items met');
    await page.getByText('Cafés open in the evening, with childcare.').waitFor();
  });
});
