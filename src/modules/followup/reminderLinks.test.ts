/**
 * Reminders outside rounds, on both databases: an action reminder carries the unit's standing link
 * when no open round asks the unit (its focal points may have no account), the round's link when
 * one does; replacing the unit's link revokes the old one; the weekly digest goes to those who
 * asked for it, on their day, once, with what was returned to them; reports, validation and
 * returns are in the audit trail.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { actionDueBy as action, sampleEvaluation, sampleRecommendation } from '../../test/evaluations.js';
import { linksIn } from '../../test/smtp.js';
import { callerOf, createUser, ensureDefaultOrganisation } from '../accounts/service.js';
import { listReports, reviewReport } from '../actions/reports.js';
import { historyOf } from '../audit/service.js';
import { saveEvaluation } from '../evaluations/service.js';
import { createUnit } from '../units/service.js';
import { setDigest } from './mine.js';
import { enqueue } from './outbox.js';
import { planReminders } from './reminders.js';
import { openLink, respondPage, submitReport } from './respond.js';
import { getRound } from './roundStatus.js';
import { openRound } from './rounds.js';
import { saveSettings } from './settings.js';
import { replaceUnitLink, unitLink } from './unitLinks.js';

const SECRET = 'test secret for unit links';
const LINKS = { secret: SECRET, linkBase: 'http://integra.test' };
const tokenOf = (link: string) => link.split('/respond/')[1];

describe.each(testDatabases())('reminders outside rounds on $name', ({ open }) => {
  let database: Database;
  let org: string;
  let city: string;
  let evaluationId: string;
  const caller = () => systemCaller(org);
  const plan = async (at: string, kind: string) =>
    (await planReminders(database.db, new Date(at), LINKS)).filter((m) => m.kind === kind);

  afterAll(async () => {
    await database?.close();
  });

  beforeEach(async () => {
    await database?.close();
    database = await open();
    org = await ensureDefaultOrganisation(database.db);
    city = (
      await createUnit(database.db, caller(), {
        name: 'City coordinators',
        aliases: [],
        focalPoints: [{ email: 'dan@example.org' }],
      })
    ).id;
    const comms = (
      await createUnit(database.db, caller(), {
        name: 'Communication unit',
        aliases: [],
        focalPoints: [{ email: 'comms@example.org' }],
      })
    ).id;
    evaluationId = (
      await saveEvaluation(
        database.db,
        caller(),
        sampleEvaluation({
          recommendations: [
            sampleRecommendation({
              actions: [
                action('1.1', 'Pilot evening sessions', '2026-12-31', [city]),
                action('1.2', 'Translate the forms', '2026-12-31', [comms]),
                action('1.3', 'Train the desk staff', '2027-06-30', [city]),
              ],
            }),
          ],
        }),
      )
    ).id;
  });

  it('gives the unit’s own link when no round asks, which its focal point uses without an account', async () => {
    const [overdue] = await plan('2027-01-02T12:00:00Z', 'action_overdue').then((l) =>
      l.filter((m) => m.unitName === 'City coordinators'),
    );
    expect(overdue.to).toEqual(['dan@example.org']);
    const link = linksIn(overdue.body).find((l) => l.includes('/respond/'))!;
    expect(tokenOf(link)).toMatch(/^u\./);
    expect(link).toBe((await unitLink(database.db, org, city, LINKS)).link);

    const opened = await openLink(database.db, SECRET, tokenOf(link));
    const page = await respondPage(database.db, opened, '2027-01-02');
    expect(page.round).toBeNull();
    expect(page.unit.name).toBe('City coordinators');
    // Every open action of the unit, overdue or not; none of another unit's.
    expect(page.actions.map((a) => [a.number, a.overdue])).toEqual([
      ['1.1', true],
      ['1.3', false],
    ]);
    const [a11] = page.actions;
    await submitReport(
      database.db,
      opened,
      a11.id,
      { status: 'initiated', comment: 'Two evening sessions held', author: 'Dan Ruiz' },
      null,
      '2027-01-02',
    );
    const [report] = await listReports(database.db, org, { actionIds: [a11.id] });
    expect(report).toMatchObject({
      state: 'reported',
      author: 'Dan Ruiz',
      unitName: 'City coordinators',
      roundId: null,
    });
    const after = await respondPage(database.db, opened, '2027-01-02');
    expect(after.actions[0].lastReport).toMatchObject({
      state: 'reported',
      comment: 'Two evening sessions held',
    });
    // The link reaches only the unit's actions.
    const comms = await planReminders(database.db, new Date('2027-01-02T12:00:00Z'), LINKS).then(
      (l) => l.find((m) => m.unitName === 'Communication unit')!,
    );
    const commsAction = (
      await respondPage(
        database.db,
        await openLink(database.db, SECRET, tokenOf(linksIn(comms.body)[0])),
        '2027-01-02',
      )
    ).actions[0];
    await expect(
      submitReport(
        database.db,
        opened,
        commsAction.id,
        { comment: 'Not ours', author: 'Dan' },
        null,
        '2027-01-02',
      ),
    ).rejects.toMatchObject({ status: 404 });

    // Replacing the link revokes the one in the email; the new one works.
    const fresh = await replaceUnitLink(database.db, caller(), city, LINKS);
    await expect(openLink(database.db, SECRET, tokenOf(link))).rejects.toMatchObject({
      code: 'link_revoked',
      status: 410,
    });
    expect((await openLink(database.db, SECRET, tokenOf(fresh.link))).unitName).toBe('City coordinators');
    const next = await plan('2027-01-02T12:00:00Z', 'action_overdue');
    expect(next.map((m) => tokenOf(linksIn(m.body).find((l) => l.includes('/respond/'))!))).toContain(
      tokenOf(fresh.link),
    );
  });

  it('gives the round’s link when an open round asks the unit about the action', async () => {
    const roundId = await openRound(
      database.db,
      caller(),
      { name: 'Time 2', dueOn: '2027-01-15', evaluationIds: [evaluationId] },
      { ...LINKS, mail: true, today: '2026-12-01' },
    );
    const round = await getRound(database.db, org, roundId, { ...LINKS, mail: true, today: '2026-12-01' });
    const roundLink = round.unitsAsked.find((u) => u.name === 'City coordinators')!.link;
    const [overdue] = (await plan('2027-01-02T12:00:00Z', 'action_overdue')).filter(
      (m) => m.unitName === 'City coordinators',
    );
    expect(linksIn(overdue.body)).toContain(roundLink);
  });

  it('sends the weekly digest on its day, once, to those who asked for it, with what was returned to them', async () => {
    await saveSettings(database.db, caller(), {
      timeZone: 'UTC',
      sendHour: 8,
      roundDueSoonDays: 7,
      roundOverdueEveryDays: 7,
      actionDueSoonDays: 14,
      digestWeekday: 1, // Monday
      closureMonths: 15,
      remindersEnabled: true,
    });
    const marie = await createUser(database.db, {
      name: 'Marie Martin',
      email: 'marie@example.org',
      password: 'a long test password',
      organisationId: org,
      role: 'contributor',
      unitId: city,
    });
    const asMarie = await callerOf(
      database.db,
      { id: marie, email: 'marie@example.org', name: 'Marie Martin' },
      org,
      org,
    );
    expect(await plan('2026-12-21T09:00:00Z', 'digest')).toEqual([]); // nobody asked for one
    await setDigest(database.db, asMarie, true);

    // Dan's report on 1.1 through the unit's link is returned by the office.
    const opened = await openLink(
      database.db,
      SECRET,
      tokenOf((await unitLink(database.db, org, city, LINKS)).link),
    );
    const [a11] = (await respondPage(database.db, opened, '2026-12-18')).actions;
    await submitReport(
      database.db,
      opened,
      a11.id,
      { status: 'completed', comment: 'Done', author: 'Dan Ruiz' },
      null,
      '2026-12-18',
    );
    const [report] = await listReports(database.db, org, { actionIds: [a11.id] });
    await reviewReport(database.db, caller(), report.id, {
      validate: false,
      comment: 'Attach the attendance sheets',
    });

    expect(await plan('2026-12-22T09:00:00Z', 'digest')).toEqual([]); // a Tuesday
    expect(await plan('2026-12-21T07:00:00Z', 'digest')).toEqual([]); // Monday, before the sending hour
    const [digest, ...more] = await plan('2026-12-21T09:00:00Z', 'digest');
    expect(more).toEqual([]);
    expect(digest.to).toEqual(['marie@example.org']);
    // 1.1 is due within the fortnight; 1.3 (June) is not yet.
    expect(digest.actionNumbers).toEqual(['1.1']);
    expect(digest.body).toContain('Attach the attendance sheets');
    expect(linksIn(digest.body)).toContain('http://integra.test/my');
    // Queued once: the same Monday plans nothing more.
    await database.db.transaction(async (tx) => {
      await enqueue(tx, digest);
    });
    expect(await plan('2026-12-21T15:00:00Z', 'digest')).toEqual([]);
    expect(await plan('2026-12-28T09:00:00Z', 'digest')).toHaveLength(1); // next Monday
    await setDigest(database.db, asMarie, false);
    expect(await plan('2027-01-04T09:00:00Z', 'digest')).toEqual([]);
  });

  it('writes each report, validation and return in the action’s history', async () => {
    const opened = await openLink(
      database.db,
      SECRET,
      tokenOf((await unitLink(database.db, org, city, LINKS)).link),
    );
    const [a11] = (await respondPage(database.db, opened, '2026-12-18')).actions;
    const report = async (comment: string) => {
      await submitReport(
        database.db,
        opened,
        a11.id,
        { status: 'completed', comment, author: 'Dan Ruiz' },
        null,
        '2026-12-18',
      );
      return (await listReports(database.db, org, { actionIds: [a11.id], latest: true }))[0];
    };
    await reviewReport(database.db, caller(), (await report('First try')).id, {
      validate: false,
      comment: 'Which sessions?',
    });
    await reviewReport(database.db, caller(), (await report('Sessions of 3 and 10 December')).id, {
      validate: true,
    });
    // Reports are parts of the evaluation's history (the matrix page's "History").
    const { events } = await historyOf(database.db, org, evaluationId);
    const steps = events
      .filter((e) => e.entity === 'progress_update' || (e.entityId === a11.id && 'report' in (e.after ?? {})))
      .map((e) => [e.actorName, e.operation, e.after])
      .reverse();
    expect(steps).toEqual([
      [
        'Dan Ruiz for City coordinators (unit link)',
        'create',
        expect.objectContaining({ comment: 'First try' }),
      ],
      [
        'command line',
        'update',
        expect.objectContaining({ report: 'returned', returnComment: 'Which sessions?' }),
      ],
      [
        'Dan Ruiz for City coordinators (unit link)',
        'create',
        expect.objectContaining({ comment: 'Sessions of 3 and 10 December' }),
      ],
      ['command line', 'update', expect.objectContaining({ report: 'validated' })],
    ]);
  });
});
