/**
 * The portfolio in the browser: management opens the dashboard, follows a unit's overdue figure
 * (its bar in the chart, and its number in the table) to the actions behind it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocxLines } from '../src/modules/evaluations/import/readDocx.js';
import { sampleEvaluation, sampleRecommendation } from '../src/test/evaluations.js';
import { openSession, type Session } from './browser.js';

const matrix = readFileSync(
  fileURLToPath(
    new URL('../src/modules/evaluations/import/fixtures/classic-welcome-desks.txt', import.meta.url),
  ),
  'utf8',
);

describe('the portfolio in the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('leads from a unit’s overdue figure to its overdue actions', async () => {
    const { page, url } = s;
    for (const [name, aliases] of [
      ['City coordinators', []],
      ['Communication unit', ['Communication unit with the intake team']],
      ['Programme management', []],
    ] as const) {
      const unit = await page.request.post(`${url}/api/units`, { data: { name, aliases } });
      expect(unit.status()).toBe(201);
    }
    // The import links each action to the unit its "Responsible unit(s)" names; its due dates
    // (2023–2024) have all passed.
    const imported = await page.request.post(`${url}/api/evaluations/import`, { data: { text: matrix } });
    expect(imported.status()).toBe(200);
    const figures = await (await page.request.get(`${url}/api/portfolio`)).json();
    const communication = figures.byUnit.find((r: { key: string }) => r.key === 'Communication unit');
    expect(communication.overdue).toBe(2); // 2.1 and 2.2, due by June 2023

    await page.goto(`${url}/portfolio`);
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await page.getByText(/of actions are fully actionable/).waitFor();
    const byUnit = page.locator('section[aria-labelledby="portfolio-by-unit"]');
    await byUnit.getByRole('cell', { name: 'Communication unit', exact: true }).waitFor();

    // The report for management, as the reader's program opens it: the same overdue figure.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('group', { name: 'Report for management:' })
        .getByRole('link', { name: 'Word (.docx)' })
        .click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/\.docx$/);
    const reportText = (await readDocxLines(readFileSync(await report.path())))
      .map((l) => l.cells.join(' | '))
      .join('\n');
    expect(reportText).toContain(`Overdue actions: ${figures.overall.overdue},`);
    expect(reportText).toContain('Communication unit');

    // One evaluation's figures: found by a word of its title, kept in the address.
    await page.getByRole('textbox', { name: 'Evaluation' }).fill('Welcome');
    await page.getByRole('option', { name: /Welcome Desks/ }).click();
    await page.waitForURL(/evaluationId=/);
    await byUnit.getByRole('cell', { name: 'Communication unit', exact: true }).waitFor();
    await page.goto(`${url}/portfolio`);
    await byUnit.getByRole('cell', { name: 'Communication unit', exact: true }).waitFor();

    // The bar of the unit's overdue actions in the chart (units are in name order: the second row).
    const overdueBars = byUnit.locator('.recharts-bar').nth(1).locator('.recharts-bar-rectangle');
    await overdueBars.nth(1).click();
    await page.waitForURL(/\/actions\?/);
    const address = new URL(page.url());
    expect(address.searchParams.get('overdue')).toBe('true');
    expect(address.searchParams.get('unitId')).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByText(`${communication.overdue} action`).first().waitFor();
    const rows = page.locator('tbody tr[data-action]');
    await expect(rows.count()).resolves.toBe(communication.overdue);
    for (const badge of await rows.all()) await badge.locator('[data-overdue="true"]').waitFor();

    // The same from the table beside the chart.
    await page.goBack();
    await byUnit
      .getByRole('link', { name: `${communication.overdue} overdue actions of Communication unit` })
      .click();
    await page.waitForURL(/overdue=true/);
    await page
      .locator('tbody tr[data-action]')
      .nth(communication.overdue - 1)
      .waitFor();
    await expect(page.locator('tbody tr[data-action]').count()).resolves.toBe(communication.overdue);
  });

  it('shows recommendations made before and gaps on the matrix, and publishes the response for visitors', async () => {
    const { page, url } = s;
    const earlier = await page.request.post(`${url}/api/evaluations`, {
      data: {
        evaluation: sampleEvaluation({
          title: 'Evaluation of the first welcome desks',
          year: 2019,
          recommendations: [
            sampleRecommendation({
              text: 'Translate the intake forms into the five languages most spoken by newcomers.',
              actions: [
                {
                  number: '1.1',
                  text: 'Translate the forms',
                  timeframe: null,
                  due: null,
                  responsible: null,
                  fundingConditional: false,
                  status: 'completed',
                  comments: null,
                },
              ],
            }),
          ],
        }),
      },
    });
    expect(earlier.status(), await earlier.text()).toBe(201);
    const list = await (await page.request.get(`${url}/api/evaluations`)).json();
    const welcome = list.items.find((e: { title: string }) => e.title.includes('Welcome Desks'));
    await page.goto(`${url}/evaluations/${welcome.id}`);
    // What keeps the response from being followed is said next to it: Logistics is not a unit of the directory.
    await page.getByText('Action 4.1 has no responsible unit linked.').waitFor();
    await page.getByRole('button', { name: 'Made in other evaluations? (recommendation 2)' }).click();
    await page.getByText('Also recommended in 2019. Implemented.').waitFor();
    await page.getByRole('link', { name: 'Evaluation of the first welcome desks (2019)' }).waitFor();
    await page.getByRole('button', { name: 'Made in other evaluations? (recommendation 1)' }).click();
    await page.getByText('No recommendation of another evaluation reads like this one.').waitFor();

    // The portfolio's recurring themes show the same recommendation with its years, and lead back.
    await page.goto(`${url}/portfolio`);
    await page.getByRole('link', { name: 'Recurring themes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recurring themes' }).waitFor();
    const theme = page.getByRole('region', { name: /translate/i }).first();
    await theme.getByText('Made in 2 evaluations').waitFor();
    await theme.getByText(/^Recommended in 2019( and \d{4})?\.$/).waitFor();
    await theme.getByRole('link', { name: 'Evaluation of the first welcome desks (2019)' }).click();
    await page
      .getByRole('heading', { name: /Evaluation of the first welcome desks/ })
      .first()
      .waitFor();
    await page.goto(`${url}/evaluations/${welcome.id}`);

    // The editor publishes the management response; a visitor reads it signed out.
    await page.getByRole('switch', { name: 'Publish the management response' }).click();
    await page.getByRole('link', { name: 'Public page of this response' }).waitFor();
    const visitor = await s.newPage();
    await visitor.goto(`${url}/responses/${welcome.id}`);
    await visitor.getByRole('heading', { level: 1, name: /Welcome Desks/ }).waitFor();
    await visitor.getByRole('heading', { level: 2, name: 'Recommendation 2' }).waitFor();
    await visitor.getByRole('cell', { name: 'Not initiated' }).first().waitFor();
    // No names of people: not the matrix owner.
    await expect(visitor.getByText('Lena Okafor').count()).resolves.toBe(0);
    await visitor.goto(`${url}/responses`);
    await visitor.getByRole('link', { name: /Welcome Desks/ }).waitFor();
  });

  it('suggests practices of the catalogue for a recommendation and links one as inspiration', async () => {
    const { page, url } = s;
    const pages = readFileSync(
      fileURLToPath(new URL('../src/modules/practices/import/fixtures/two-practices.txt', import.meta.url)),
      'utf8',
    );
    const read = await page.request.post(`${url}/api/practices/import?dryRun=true`, {
      data: { text: pages },
    });
    const saved = await page.request.post(`${url}/api/practices`, {
      data: { practices: (await read.json()).practices },
    });
    expect(saved.status()).toBe(201);
    const [cafes] = (await saved.json()).ids;
    for (const to of ['in_review', 'published']) {
      expect(
        (await page.request.post(`${url}/api/practices/${cafes}/workflow`, { data: { to } })).status(),
      ).toBe(200);
    }
    const list = await (await page.request.get(`${url}/api/evaluations`)).json();
    const welcome = list.items.find((e: { title: string }) => e.title.includes('Welcome Desks'));
    await page.goto(`${url}/evaluations/${welcome.id}`);
    // Recommendation 1 asks for evening openings so that working newcomers can come: so do the cafés.
    await page.getByRole('button', { name: 'Practices that can help (recommendation 1)' }).click();
    await page
      .getByRole('button', {
        name: 'Link “Welcome Cafés in Lower Saxony” to recommendation 1 as inspiration',
      })
      .click();
    await page.getByText('Linked as inspiration').waitFor();
    await page.getByRole('link', { name: 'Welcome Cafés in Lower Saxony' }).click();
    await page.getByRole('heading', { name: 'Taken as inspiration for' }).waitFor();
    await page.getByRole('link', { name: /Welcome Desks/ }).waitFor();
  });
});
