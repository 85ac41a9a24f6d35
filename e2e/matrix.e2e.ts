import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassicDocx, TRUTH_CLASSIC } from '../src/modules/evaluations/import/fixtures/documents.js';
import { readDocxLines } from '../src/modules/evaluations/import/readDocx.js';
import { openSession, type Session } from './browser.js';

const seedPath = fileURLToPath(new URL('../../shared/seeds/000_276a55ae60865652.txt', import.meta.url));
const fixturePath = fileURLToPath(
  new URL('../src/modules/evaluations/import/fixtures/classic-welcome-desks.txt', import.meta.url),
);
// The seed matrix when shared/ is beside the project (as in CI); our own classic fixture otherwise.
const useSeed = existsSync(seedPath);
const source = readFileSync(useSeed ? seedPath : fixturePath, 'utf8');
const expected = useSeed
  ? {
      recommendations: 8,
      actions: 12,
      overdueAction: '3.1',
      lastRecommendation: 'Recommendation 8',
      unit: 'implementation team',
    }
  : {
      recommendations: 4,
      actions: 9,
      overdueAction: '2.1',
      lastRecommendation: 'Recommendation 4',
      unit: 'intake team',
    };

describe('evaluation follow-up in the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports a matrix, records progress on an overdue action, and downloads the .docx', async () => {
    const { page, url } = s;
    await page.goto(`${url}/evaluations`);
    await page.getByRole('link', { name: 'Import a matrix' }).click();

    await page.getByLabel('Matrix text').fill(source);
    await page.getByRole('button', { name: 'Read matrix' }).click();
    await page
      .getByText(`${expected.recommendations} recommendations and ${expected.actions} key actions`)
      .waitFor();
    await page
      .getByText(/\d+ things? to check/)
      .first()
      .waitFor();
    await page.getByTestId('review-summary').waitFor();
    await page.getByRole('button', { name: 'Save evaluation' }).first().click();

    await page.getByRole('button', { name: 'Save evaluation' }).first().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: expected.lastRecommendation }).waitFor();
    const row = page.locator(`tr[data-action="${expected.overdueAction}"]`);
    await row.getByText('Overdue').waitFor();

    await page.getByRole('button', { name: `Record progress on action ${expected.overdueAction}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reported by').fill('Daniela Rossi');
    await dialog
      .getByLabel('What was done')
      .fill('Monitoring of stakeholder participation added to the M&E plan');
    await dialog.getByRole('textbox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Completed' }).click();
    await dialog.getByRole('button', { name: 'Save progress' }).click();
    await dialog.waitFor({ state: 'detached' });

    await row.getByText('Completed').waitFor();
    await row.getByText('Overdue').waitFor({ state: 'detached' });
    await row.getByText('1 progress update').click();
    await page
      .getByText('Daniela Rossi (Not initiated → Completed): Monitoring of stakeholder participation')
      .waitFor();

    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Word (.docx), matrix layout' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const text = (await readDocxLines(readFileSync(file))).map((l) => l.cells.join('\t')).join('\n');
    expect(text).toContain(`Evaluation recommendation ${expected.recommendations}:`);
    expect(text).toContain('Monitoring of stakeholder participation added to the M&E plan');
  });

  it('shows what a unit owes across evaluations, overdue first', async () => {
    const { page, url } = s;
    // Its own evaluation, whatever the other tests did: one overdue action is completed first.
    const imported = await page.request.post(`${url}/api/evaluations/import`, { data: { text: source } });
    const matrix = await (
      await page.request.get(`${url}/api/evaluations/${(await imported.json()).id}`)
    ).json();
    const done = matrix.recommendations
      .flatMap((r: { actions: { id: string; number: string }[] }) => r.actions)
      .find((a: { number: string }) => a.number === expected.overdueAction);
    const recorded = await page.request.post(`${url}/api/actions/${done.id}/updates`, {
      data: { author: 'Daniela Rossi', status: 'completed', comment: 'Done' },
    });
    expect(recorded.ok()).toBe(true);
    await page.goto(`${url}/actions?overdue=true`);
    const count = page.getByText(/^\d+ actions?$/);
    await count.waitFor();
    const rows = page.locator('tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await rows.nth(i).getByText('Overdue').waitFor();
    expect(await page.locator(`tr[data-action="${expected.overdueAction}"]`).count()).toBe(0);

    await page.getByLabel('Responsible unit').fill(expected.unit);
    await page.waitForURL(new RegExp(`responsible=${expected.unit.split(' ')[0]}`));
    // The list shows the filtered rows once the new page has loaded (no fixed wait).
    await expect
      .poll(
        async () => {
          const texts = (await page.locator('tbody tr').allTextContents()).map((t) => t.toLowerCase());
          return texts.length > 0 && texts.every((t) => t.includes(expected.unit));
        },
        { timeout: 600_000 },
      )
      .toBe(true);
  });

  it('uploads a Word matrix, corrects a field on the review screen, links units, and saves', async () => {
    const { page, url } = s;
    // The directory knows the training unit by name and an "Operations teams" close to what is written.
    for (const name of ['Training unit', 'Operations teams']) {
      expect((await page.request.post(`${url}/api/units`, { data: { name } })).status()).toBe(201);
    }
    const docx = await buildClassicDocx(TRUTH_CLASSIC, { instructions: true });
    await page.goto(`${url}/import`);
    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'interpreters.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await page.getByRole('button', { name: 'Read matrix' }).click();
    await page.getByRole('heading', { name: 'Review before saving' }).waitFor();
    await page.getByText('3 recommendations and 5 key actions').waitFor();

    // The original of each recommendation is shown beside it: for Word, its lines and tables.
    const rec2 = page.getByRole('region', { name: 'Recommendation 2' });
    await rec2
      .locator('[data-original="lines"]')
      .getByRole('cell', { name: 'By end of September 2024', exact: true })
      .waitFor();

    const responsible = page.getByRole('textbox', { name: 'Action 2.2: Responsible unit(s)' });
    await expect(responsible.inputValue()).resolves.toBe('Operations team and M&E officer');
    await responsible.fill('M&E officer');
    const timeframe = page.getByRole('textbox', { name: 'Action 2.2: Timeframe or deadline' });
    await timeframe.fill('Q1 2025');
    await expect(page.getByRole('textbox', { name: 'Action 2.2: Due by' }).inputValue()).resolves.toBe(
      '2025-03-31',
    );
    // Units: the exact name is linked already; a close one is asked; text naming no unit can become one.
    const rec1 = page.getByRole('region', { name: 'Recommendation 1' });
    await rec1.getByLabel('Linked units', { exact: true }).getByText('Training unit').waitFor();
    await rec2.getByRole('button', { name: 'Did you mean Operations teams?' }).first().click();
    await rec2.getByRole('button', { name: 'Create unit “M&E officer”' }).click();
    await rec2.getByLabel('Linked units', { exact: true }).getByText('M&E officer').waitFor();
    await page.getByRole('button', { name: 'Save evaluation' }).first().click();

    // The review screen has the same headings: wait for the saved matrix's page.
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Save evaluation' }).first().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Recommendation 3' }).waitFor();
    const row = page.locator('tr[data-action="2.2"]');
    await expect(row.textContent()).resolves.toContain('M&E officer');
    await expect(row.textContent()).resolves.not.toContain('Operations team and M&E officer');
    await expect(row.textContent()).resolves.toContain('Q1 2025');
    const id = page.url().split('/').pop();
    const saved = await (await page.request.get(`${url}/api/evaluations/${id}`)).json();
    const unitsOf = Object.fromEntries(
      saved.recommendations.flatMap((r: { actions: { number: string; units: { name: string }[] }[] }) =>
        r.actions.map((a) => [a.number, a.units.map((u) => u.name)]),
      ),
    );
    expect([unitsOf['1.1'], unitsOf['2.1'], unitsOf['2.2']]).toEqual([
      ['Training unit'],
      ['Operations teams'],
      ['M&E officer'],
    ]);
  });

  it('explains why a file cannot be imported', async () => {
    const { page, url } = s;
    await page.goto(`${url}/import`);
    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'minutes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Minutes of the steering committee.\nAll present.\n'),
    });
    await page.getByRole('button', { name: 'Read matrix' }).click();
    await page
      .getByRole('alert')
      .getByText(/No recommendation found/)
      .waitFor();

    // In French the refusal is said in French, from the reason the server names.
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('fr');
    await page.getByRole('tab', { name: 'Téléverser un fichier' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'minutes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Minutes of the steering committee.\nAll present.\n'),
    });
    await page.getByRole('button', { name: 'Lire la matrice' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Aucune recommandation trouvée' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.not.toContain('No recommendation found');
    await page.getByRole('combobox', { name: 'Langue' }).first().selectOption('en');
    await page.getByRole('tab', { name: 'Upload a file' }).waitFor();
  });
});
