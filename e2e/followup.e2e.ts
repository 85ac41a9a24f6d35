import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linksIn, startSmtp, type TestSmtp } from '../src/test/smtp.js';
import { openSession, type Session } from './browser.js';

const matrix = readFileSync(
  fileURLToPath(
    new URL('../src/modules/evaluations/import/fixtures/classic-welcome-desks.txt', import.meta.url),
  ),
  'utf8',
);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% attendance sheets\n'), Buffer.alloc(500, 32)]);

describe('a follow-up round in the browser', () => {
  let s: Session;
  let smtp: TestSmtp;
  let evaluationId: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    s = await openSession({ env: { SMTP_URL: smtp.url } });
    // What both tests need: two units (one answered by the signed-in administrator) and the matrix.
    const { page, url } = s;
    const session = await (await page.request.get(`${url}/api/session`)).json();
    for (const unit of [
      {
        name: 'Communication unit',
        aliases: ['Communication unit with the intake team'],
        focalPoints: [{ email: 'comms@example.org' }],
      },
      { name: 'Programme management', aliases: [], focalPoints: [{ userId: session.user.id }] },
    ]) {
      expect((await page.request.post(`${url}/api/units`, { data: unit })).status()).toBe(201);
    }
    const imported = await page.request.post(`${url}/api/evaluations/import`, { data: { text: matrix } });
    evaluationId = (await imported.json()).id;
  });
  afterAll(async () => {
    await s?.close();
    await smtp?.close();
  });

  it('asks the units by email; a focal point without an account reports from a phone; the office returns one report and validates the other', async () => {
    const { page, url } = s;
    await page.goto(`${url}/rounds`);
    await page.getByRole('link', { name: 'Open a round' }).click();
    await page.getByLabel('Name of the round').fill('Time 2');
    await page.getByLabel('Units report by').fill('2027-01-15');
    await page
      .getByLabel('Message to the units (optional)')
      .fill('Please add the attendance sheets of each session.');
    await page.getByRole('textbox', { name: 'Evaluations' }).click();
    await page.getByRole('option', { name: /Welcome Desks/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Check who will be asked' }).click();
    await page.getByText('comms@example.org').waitFor();
    await page.getByRole('button', { name: 'Open round and email 2 units' }).click();
    await page.getByRole('heading', { name: 'Time 2' }).waitFor();

    const mail = await smtp.mailTo('comms@example.org', /Time 2/);
    expect(mail.text).toContain('because you are a focal point of Communication unit');
    expect(mail.text).toContain('Please add the attendance sheets of each session.');
    const link = linksIn(mail.text).find((l) => l.includes('/respond/'));
    expect(link).toBeTruthy();

    // The focal point opens the link on a phone, without an account.
    const phone = await s.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-GB',
      isMobile: true,
    });
    const unitPage = await phone.newPage();
    await unitPage.goto(link!);
    await unitPage.getByText('Progress report of Communication unit').waitFor();
    await unitPage.getByText('Please add the attendance sheets of each session.').waitFor();
    const width = await unitPage.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await unitPage.getByLabel('Your name').first().fill('Olga Ortiz');
    const form21 = unitPage.getByRole('form', { name: 'Report on action 2.1' });
    await form21.getByLabel('Status').selectOption({ label: 'Completed' });
    await form21.getByLabel('What was done').fill('Forms translated into the three languages.');
    const chooser = unitPage.waitForEvent('filechooser');
    await form21.getByRole('button', { name: /Evidence file/ }).click();
    await (await chooser).setFiles({ name: 'forms.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form21.getByRole('button', { name: 'Send the report on action 2.1' }).click();
    await form21.getByText('Reported — waiting for validation').waitFor();
    const form22 = unitPage.getByRole('form', { name: 'Report on action 2.2' });
    await form22.getByLabel('Status').selectOption({ label: 'Completed' });
    await form22.getByLabel('What was done').fill('Two testing sessions held.');
    await form22.getByRole('button', { name: 'Send the report on action 2.2' }).click();
    await form22.getByText('Reported — waiting for validation').waitFor();

    // Progress figures do not move on reports alone.
    const completed = async () =>
      (await (await page.request.get(`${url}/api/evaluations`)).json()).items.find(
        (e: { id: string }) => e.id === evaluationId,
      ).completedCount;
    const before = await completed();

    await page.reload();
    await page.getByRole('heading', { name: 'Reports to check' }).waitFor();
    await page.getByRole('button', { name: 'Return the report on action 2.2 to the unit' }).click();
    await page.getByLabel('What the unit should correct').fill('Please attach the attendance list.');
    await page.getByRole('button', { name: 'Return with this comment' }).click();
    await page.getByRole('button', { name: 'Validate the report on action 2.1' }).click();
    await page.getByText('No report is waiting for validation.').waitFor();
    expect(await completed()).toBe(before + 1);

    // The unit sees what was returned and why.
    await unitPage.reload();
    await unitPage.getByText('Returned: Please attach the attendance list.').waitFor();
    await phone.close();

    // The matrix shows the validated status; the returned action has not moved.
    const saved = await (await page.request.get(`${url}/api/evaluations/${evaluationId}`)).json();
    const statuses = Object.fromEntries(
      saved.recommendations.flatMap((r: { actions: { number: string; status: string }[] }) =>
        r.actions.map((a) => [a.number, a.status]),
      ),
    );
    expect([statuses['2.1'], statuses['2.2']]).toEqual(['completed', 'not_initiated']);
  });

  it('gives the signed-in focal point a calendar of the due windows', async () => {
    const { page, url } = s;
    // A round of its own (the other test opens "Time 2" in the browser).
    const round = await page.request.post(`${url}/api/rounds`, {
      data: { name: 'Time 3', dueOn: '2027-06-30', evaluationIds: [evaluationId] },
    });
    expect(round.status()).toBe(201);
    await page.goto(`${url}/my`);
    await page.getByRole('heading', { name: 'My actions' }).waitFor();
    await page.getByRole('button', { name: 'Create a calendar address' }).click();
    const address = await page.getByLabel('Your private calendar address').inputValue();
    const feed = await page.request.get(address);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    const text = await feed.text();
    expect(text).toContain('DTSTART;VALUE=DATE:20261231'); // 1.2 "(2025 – 2026 …)", Programme management
    expect(text).toContain('Follow-up Time 3');
  });

  it('re-sends to one unit from the round page, and says plainly why a link no longer works', async () => {
    const { page, url } = s;
    const opened = await page.request.post(`${url}/api/rounds`, {
      data: { name: 'Time 1', dueOn: '2030-06-30', evaluationIds: [evaluationId] },
    });
    expect(opened.status()).toBe(201);
    const round = await opened.json();
    const first = await smtp.mailTo('comms@example.org', /Time 1/);
    const link = linksIn(first.text).find((l) => l.includes('/respond/'))!;
    const sent = () =>
      smtp.received.filter((m) => m.to.includes('comms@example.org') && /Time 1/.test(m.text)).length;

    await page.goto(`${url}/rounds/${round.id}`);
    const comms = page.getByRole('region', { name: 'Communication unit' });
    expect(sent()).toBe(1);
    await comms.getByRole('button', { name: 'Re-send the email to Communication unit' }).click();
    await comms.getByText('The email will go out again.').waitFor();
    await expect.poll(sent, { timeout: 60_000 }).toBe(2);
    const again = smtp.received.filter((m) => m.to.includes('comms@example.org') && /Time 1/.test(m.text))[1];
    expect(linksIn(again.text)).toContain(link);

    const visitor = await s.browser.newContext({ locale: 'en-GB' });
    const unitPage = await visitor.newPage();
    const problem = async (href: string, title: string) => {
      await unitPage.goto(href);
      await unitPage.getByRole('alert').getByRole('heading', { name: title }).waitFor();
    };
    await problem(`${link.slice(0, -4)}abcd`, 'This link does not work');
    await comms.getByRole('button', { name: 'Revoke the link of Communication unit' }).click();
    await page.getByRole('button', { name: 'Revoke and make a new link' }).click();
    await comms
      .getByText(/replaced/i)
      .first()
      .waitFor();
    await problem(link, 'This link was replaced');
    const fresh = await comms
      .getByRole('textbox', { name: 'Personal link of Communication unit' })
      .inputValue();
    expect(fresh).not.toBe(link);
    await unitPage.goto(fresh);
    await unitPage.getByText('Progress report of Communication unit').waitFor();
    expect((await page.request.post(`${url}/api/rounds/${round.id}/close`, { data: {} })).status()).toBe(200);
    await problem(fresh, 'This round is closed');

    // Outside rounds, the unit's standing link (carried by action reminders) still lets it report.
    await page.goto(`${url}/units`);
    await page.getByRole('button', { name: 'Edit Communication unit' }).click();
    const standing = await page
      .getByRole('textbox', { name: 'Standing link of Communication unit' })
      .inputValue();
    await unitPage.goto(standing);
    await unitPage.getByRole('heading', { name: 'Open actions of Communication unit' }).waitFor();
    await unitPage.getByRole('form', { name: 'Report on action 2.2' }).waitFor();
    await visitor.close();
  });
});
