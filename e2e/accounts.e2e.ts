import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './browser.js';

const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
const matrix = read('../src/modules/evaluations/import/fixtures/classic-welcome-desks.txt');
const practicePages = read('../src/modules/practices/import/fixtures/two-practices.txt');

describe('the first start in the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession({ signedIn: false });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('asks for the first administrator on first start', async () => {
    const { page, url } = s;
    await page.goto(url);
    await page.getByRole('heading', { name: 'Welcome to Integra' }).waitFor();
    await page.getByLabel('Name').fill('Ada Admin');
    await page.getByLabel('Email').fill('ada@example.org');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    // Signed-in members land on their follow-up.
    await page.getByRole('heading', { name: 'My follow-up', level: 1 }).waitFor();
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain(
      'Ada Admin · Administrator',
    );
    // Signing out and in again works with the password chosen.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${url}/actions`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill('ada@example.org');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/actions$/);
  });
});

// Each test below stands on its own: a server whose first administrator was made through the API.
describe('roles in the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lets an invited contributor record progress on its own unit’s action and refuses another unit’s', async () => {
    const { page, url } = s;
    await page.goto(`${url}/members`);
    await page.getByLabel('Email of the person to invite').fill('carla@example.org');
    await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('contributor');
    // A new unit name adds the unit to the directory.
    await page.getByRole('textbox', { name: 'Responsible unit' }).fill('City coordinators');
    await page.getByRole('button', { name: 'Invite' }).click();
    const link = (await page.getByTestId('invitation-link').textContent()) ?? '';
    expect(link).toMatch(/\/invitations\/[\w-]+$/);

    // The import links each action to the unit its "Responsible unit(s)" names.
    const imported = await page.request.post(`${url}/api/evaluations/import`, { data: { text: matrix } });
    expect(imported.status()).toBe(200);
    const { id } = await imported.json();

    const carla = await s.newPage();
    await carla.goto(link);
    await carla.getByRole('heading', { name: 'Join My organisation' }).waitFor();
    await carla.getByLabel('Name').fill('Carla Conti');
    await carla.getByLabel('Password').fill('carla’s long password');
    await carla.getByRole('button', { name: 'Accept the invitation' }).click();
    await carla
      .getByTestId('signed-in-as')
      .getByText('Carla Conti · Contributor (City coordinators)')
      .waitFor();
    // A contributor neither imports nor manages members.
    await expect(carla.getByRole('link', { name: 'Import' }).count()).resolves.toBe(0);

    await carla.goto(`${url}/evaluations/${id}`);
    await carla.getByRole('button', { name: 'Record progress on action 1.1' }).click();
    let dialog = carla.getByRole('dialog');
    await dialog.getByLabel('Reported by').fill('Carla Conti');
    await dialog.getByLabel('What was done').fill('Evening sessions running in Turin since May');
    await dialog.getByRole('button', { name: 'Save progress' }).click();
    await dialog.waitFor({ state: 'detached' });
    await carla.locator('tr[data-action="1.1"]').getByText('1 progress update').waitFor();

    await carla.getByRole('button', { name: 'Record progress on action 2.1' }).click();
    dialog = carla.getByRole('dialog');
    await dialog.getByLabel('Reported by').fill('Carla Conti');
    await dialog.getByLabel('What was done').fill('Not our unit');
    await dialog.getByRole('button', { name: 'Save progress' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/Only the responsible unit/)
      .waitFor();

    // The administrator sees who reported what in the evaluation's history.
    await page.goto(`${url}/evaluations/${id}`);
    await page.getByRole('button', { name: 'Show history' }).click();
    await page.getByRole('cell', { name: 'Carla Conti <carla@example.org>' }).first().waitFor();
    await page
      .getByText(/Evening sessions running in Turin since May/)
      .first()
      .waitFor();
  });

  it('shows visitors published practices and no drafts', async () => {
    const { page, url } = s;
    const read = await page.request.post(`${url}/api/practices/import?dryRun=true`, {
      data: { text: practicePages },
    });
    expect(read.status()).toBe(200);
    const { practices } = await read.json();
    const saved = await page.request.post(`${url}/api/practices`, {
      data: {
        practices: practices.map((p: { title: string }, i: number) => ({
          ...p,
          title: i === 0 ? 'Published welcome cafés' : 'Draft mentoring scheme',
        })),
      },
    });
    expect(saved.status()).toBe(201);
    const { ids } = await saved.json();
    for (const to of ['in_review', 'published']) {
      const moved = await page.request.post(`${url}/api/practices/${ids[0]}/workflow`, { data: { to } });
      expect(moved.status()).toBe(200);
    }

    const visitor = await s.newPage();
    await visitor.goto(`${url}/practices`);
    await visitor.getByRole('link', { name: 'Published welcome cafés' }).waitFor();
    await expect(visitor.getByText('Draft mentoring scheme').count()).resolves.toBe(0);
    await visitor.goto(`${url}/practices/${ids[1]}`);
    await visitor.getByText('No such practice.').waitFor();
    // Evaluations are for members: a visitor is asked to sign in.
    await visitor.goto(url);
    await visitor.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
