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
    await page.getByRole('heading', { name: 'My actions', level: 1 }).waitFor();
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toContain(
      'Ada Admin · Administrator',
    );
    // Signing out and in again works with the password chosen.
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Signed out, the header offers what a visitor may use: the catalogue and signing in.
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    const offered = [];
    for (const name of ['Evaluations', 'Actions', 'Import', 'Members']) {
      if ((await page.getByRole('link', { name, exact: true }).count()) > 0) offered.push(name);
    }
    expect(offered).toEqual([]);
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

  it('lands an invited contributor on its own unit’s actions and offers progress on those only', async () => {
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

    // She lands on her own actions and records progress from there.
    await carla.getByRole('heading', { name: 'My actions', level: 1 }).waitFor();
    const hers = carla.locator('section[aria-labelledby="my-open"]');
    await hers.locator('[data-action="1.1"]').waitFor();
    await expect(hers.locator('[data-action="2.1"]').count()).resolves.toBe(0);
    await hers.getByRole('button', { name: 'Record progress on action 1.1' }).click();
    const dialog = carla.getByRole('dialog');
    await dialog.getByLabel('Reported by').fill('Carla Conti');
    await dialog.getByLabel('What was done').fill('Evening sessions running in Turin since May');
    await dialog.getByRole('button', { name: 'Save progress' }).click();
    await dialog.waitFor({ state: 'detached' });

    // On the matrix she is offered progress on her unit's actions only (the server refuses the
    // others anyway: actions.test.ts).
    await carla.goto(`${url}/evaluations/${id}`);
    await carla.locator('tr[data-action="1.1"]').getByText('1 progress update').waitFor();
    await carla.getByRole('button', { name: 'Record progress on action 1.1' }).waitFor();
    await expect(carla.getByRole('button', { name: 'Record progress on action 2.1' }).count()).resolves.toBe(
      0,
    );

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

describe('an organisation’s settings in the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('withdraws an invitation, renames the organisation and sets its language', async () => {
    const { page, url } = s;
    const invited = await page.request.post(`${url}/api/invitations`, {
      data: { email: 'late@example.org', role: 'viewer' },
    });
    expect(invited.status()).toBe(201);
    const token = ((await invited.json()).link as string).split('/').pop();
    await page.goto(`${url}/members`);
    await page.getByRole('cell', { name: 'late@example.org', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Withdraw the invitation to late@example.org' }).click();
    await page.getByRole('cell', { name: 'late@example.org', exact: true }).waitFor({ state: 'detached' });
    // Its link no longer works.
    const visitor = await s.newPage();
    await visitor.goto(`${url}/invitations/${token}`);
    await visitor.getByText(/withdrawn/).waitFor();

    await page.getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('heading', { name: 'Organisation settings', level: 1 }).waitFor();
    await page.getByLabel('Name of the organisation').fill('Mission de Tunis');
    await page.getByRole('textbox', { name: 'Default language' }).click();
    await page.getByRole('listbox').getByRole('option', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    // The administrator chose no language of their own: the app follows the organisation's.
    await page.getByRole('heading', { name: 'Paramètres de l’organisation', level: 1 }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('fr');
    await page.reload();
    await expect(page.getByLabel('Nom de l’organisation').inputValue()).resolves.toBe('Mission de Tunis');
    // A refusal is titled by what happened and explained in the reader's language.
    await page.getByLabel('Nom de l’organisation').fill(' ');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Vérifiez la saisie' });
    await alert.getByText('Une partie de la saisie ne peut pas être utilisée').waitFor();
    await alert.getByText(/^Nom :|^Nom:/).waitFor();
  });
});
