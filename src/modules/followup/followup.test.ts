/**
 * Follow-up on both databases, with a real SMTP server: opening a round, reporting through a
 * unit's link, validation, and what the reminder planner sends when — in several time zones,
 * across a restart, without ever planning the same reminder twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createMailer } from '../../lib/mail.js';
import { systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { actionDueBy as action, sampleEvaluation, sampleRecommendation } from '../../test/evaluations.js';
import { linksIn, startSmtp, type TestSmtp } from '../../test/smtp.js';
import { createUser, ensureDefaultOrganisation, setLanguage } from '../accounts/service.js';
import { listReports, reviewReport } from '../actions/reports.js';
import { getMatrix, saveEvaluation } from '../evaluations/service.js';
import { createUnit, updateUnit } from '../units/service.js';
import { readRoundLinkToken } from './links.js';
import { deliverDue } from './outbox.js';
import { planReminders, previewFollowup, runFollowup } from './reminders.js';
import { openLink, respondPage, submitReport } from './respond.js';
import { getRound } from './roundStatus.js';
import { closeRound, openRound, previewRound, revokeLink } from './rounds.js';
import { outbox } from './schema.js';
import { saveSettings } from './settings.js';

const SECRET = 'test secret for round links';
const LINKS = { secret: SECRET, linkBase: 'http://integra.test' };

for (const target of testDatabases()) {
  describe(`follow-up (${target.name})`, () => {
    let database: Database;
    let smtp: TestSmtp;
    let org: string;
    let city: string;
    let comms: string;
    let evaluationId: string;
    const caller = () => systemCaller(org);
    const mailer = () => createMailer(smtp.url);

    beforeAll(async () => {
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await database?.close();
      await smtp?.close();
    });

    beforeEach(async () => {
      await database?.close();
      database = await target.open();
      smtp.received.length = 0;
      org = await ensureDefaultOrganisation(database.db);
      city = (
        await createUnit(database.db, caller(), {
          name: 'City coordinators',
          aliases: [],
          focalPoints: [{ email: 'carla@example.org', language: 'it' }, { email: 'dan@example.org' }],
        })
      ).id;
      comms = (
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
            publishedOn: '2026-06-30',
            recommendations: [
              sampleRecommendation({
                actions: [
                  action('1.1', 'Pilot evening sessions', '2026-12-31', [city]),
                  action('1.2', 'Translate the forms', '2027-03-31', [comms]),
                  action('1.3', 'N/A as already planned', '2026-12-31', [city]),
                  action('1.4', 'Hire a coordinator', '2026-12-31', [city], 'completed'),
                ],
              }),
            ],
          }),
        )
      ).id;
    });
    const ctx = (today = '2026-11-26', mail = true) => ({ ...LINKS, mail, today });
    const open = (dueOn = '2027-01-15') =>
      openRound(database.db, caller(), { name: 'Time 2', dueOn, evaluationIds: [evaluationId] }, ctx());

    it('asks each unit with open actions, one email per language, and its link reaches only its actions', async () => {
      const { preview } = await previewRound(
        database.db,
        org,
        { name: 'Time 2', dueOn: '2027-01-15', evaluationIds: [evaluationId] },
        ctx(),
      );
      expect(preview.units.map((u) => [u.name, u.actions, u.recipients])).toEqual([
        ['City coordinators', 1, ['carla@example.org', 'dan@example.org']],
        ['Communication unit', 1, ['comms@example.org']],
      ]);
      // A member who chose French answers for the communication unit too.
      const marie = await createUser(database.db, {
        name: 'Marie Martin',
        email: 'marie@example.org',
        password: 'a long test password',
        organisationId: org,
        role: 'contributor',
      });
      await setLanguage(database.db, marie, 'fr');
      await updateUnit(database.db, caller(), comms, {
        focalPoints: [{ email: 'comms@example.org' }, { userId: marie }],
      });
      const roundId = await open();
      expect(await deliverDue(database.db, mailer())).toEqual({ sent: 4, failed: 0 });
      expect(await deliverDue(database.db, mailer())).toEqual({ sent: 0, failed: 0 });
      const toCarla = smtp.received.find((m) => m.to.includes('carla@example.org'))!;
      const toDan = smtp.received.find((m) => m.to.includes('dan@example.org'))!;
      expect(toCarla.text).toContain('entro il 15 gennaio 2027'); // Italian, date in words
      expect(toDan.text).toContain('by 15 January 2027');
      // A member who chose French gets the request in French.
      const toMarie = smtp.received.find((m) => m.to.includes('marie@example.org'))!;
      expect(toMarie.text).toContain("d'ici le 15 janvier 2027");
      expect(toDan.text).toContain('because you are a focal point of City coordinators');
      // The actions listed, one a line ("  1.1  Pilot …"; the link's random token may hold "1.4" too).
      const listed = [...toDan.text.matchAll(/^ {2}(\d+\.\d+) {2}/gm)].map((m) => m[1]);
      expect(listed).toEqual(['1.1']); // "N/A" rows (1.3) and completed actions (1.4) are never chased
      const link = linksIn(toDan.text).find((l) => l.includes('/respond/'))!;
      const opened = await openLink(database.db, SECRET, link.split('/respond/')[1]);
      const page = await respondPage(database.db, opened, '2026-11-26');
      expect(page.unit.name).toBe('City coordinators');
      expect(page.actions.map((a) => a.number)).toEqual(['1.1']);
      const round = await getRound(database.db, org, roundId, ctx());
      const cityRow = round.unitsAsked.find((u) => u.name === 'City coordinators')!;
      expect(cityRow.askedAt).not.toBeNull();
      expect(cityRow.openedAt).not.toBeNull();
      expect(cityRow.answeredAt).toBeNull();
    });

    it('says before sending anything when a unit has no focal point', async () => {
      const finance = await createUnit(database.db, caller(), {
        name: 'Finance unit',
        aliases: [],
        focalPoints: [],
      });
      const other = await saveEvaluation(
        database.db,
        caller(),
        sampleEvaluation({
          title: 'Budget review',
          recommendations: [
            sampleRecommendation({
              text: 'Audit.',
              priority: null,
              actions: [action('1.1', 'Audit the budget', '2027-01-01', [finance.id])],
            }),
          ],
        }),
      );
      await expect(
        openRound(
          database.db,
          caller(),
          { name: 'Time 2', dueOn: '2027-01-15', evaluationIds: [evaluationId, other.id] },
          ctx(),
        ),
      ).rejects.toMatchObject({
        code: 'invalid',
        details: [
          expect.objectContaining({ message: expect.stringContaining('Finance unit has no focal point') }),
        ],
      });
      expect(await database.db.select().from(outbox)).toEqual([]);
    });

    it('keeps a unit’s report as reported until validated, shows a returned one, and counts only validated statuses', async () => {
      const roundId = await open();
      const round = await getRound(database.db, org, roundId, ctx());
      const token = (name: string) =>
        round.unitsAsked.find((u) => u.name === name)!.link.split('/respond/')[1];
      const cityLink = await openLink(database.db, SECRET, token('City coordinators'));
      const commsLink = await openLink(database.db, SECRET, token('Communication unit'));
      const [a11] = (await respondPage(database.db, cityLink, '2026-11-26')).actions;
      const [a12] = (await respondPage(database.db, commsLink, '2026-11-26')).actions;
      await submitReport(
        database.db,
        cityLink,
        a11.id,
        { status: 'completed', comment: 'Sessions run since May', author: 'Carla' },
        null,
        '2026-11-26',
      );
      await submitReport(
        database.db,
        commsLink,
        a12.id,
        {
          status: 'completed',
          comment: 'Forms translated',
          file: { name: 'forms.pdf', data: Buffer.from('%PDF-1.4 evidence') },
        },
        { id: '00000000-0000-0000-0000-000000000000', name: 'Olga', email: 'olga@example.org' },
        '2026-11-26',
      );
      // A unit cannot report on another unit's action through its link.
      await expect(
        submitReport(database.db, cityLink, a12.id, { comment: 'x', author: 'Carla' }, null, '2026-11-26'),
      ).rejects.toMatchObject({
        code: 'not_found',
      });
      let matrix = await getMatrix(database.db, org, evaluationId, '2026-11-26');
      expect(matrix.recommendations[0].actions.map((a) => a.status)).toEqual([
        'not_initiated',
        'not_initiated',
        'not_initiated',
        'completed',
      ]);
      const waiting = await listReports(database.db, org, { state: 'reported' });
      expect(waiting.map((r) => [r.actionNumber, r.unitName, r.statusTo, r.evidence.length])).toEqual([
        ['1.2', 'Communication unit', 'completed', 1],
        ['1.1', 'City coordinators', 'completed', 0],
      ]);
      await database.db.transaction((tx) => reviewReport(tx, caller(), waiting[0].id, { validate: true }));
      await database.db.transaction((tx) =>
        reviewReport(tx, caller(), waiting[1].id, {
          validate: false,
          comment: 'Please attach the attendance sheets',
        }),
      );
      await expect(
        database.db.transaction((tx) => reviewReport(tx, caller(), waiting[1].id, { validate: true })),
      ).rejects.toMatchObject({
        code: 'conflict',
      });
      matrix = await getMatrix(database.db, org, evaluationId, '2026-11-26');
      expect(matrix.recommendations[0].actions.map((a) => a.status)).toEqual([
        'not_initiated',
        'completed',
        'not_initiated',
        'completed',
      ]);
      expect(matrix.recommendations[0].followedStatus).toBe('open');
      const cityPage = await respondPage(database.db, cityLink, '2026-11-26');
      expect(cityPage.actions[0].lastReport).toMatchObject({
        state: 'returned',
        reviewComment: 'Please attach the attendance sheets',
      });
      const detail = await getRound(database.db, org, roundId, ctx());
      expect(detail.unitsAsked.map((u) => [u.name, u.reported, u.validated, u.returned])).toEqual([
        ['City coordinators', 0, 0, 1],
        ['Communication unit', 0, 1, 0],
      ]);
    });

    it('refuses tampered, revoked and expired links, saying which', async () => {
      const roundId = await open();
      const round = await getRound(database.db, org, roundId, ctx());
      const token = round.unitsAsked[0].link.split('/respond/')[1];
      const tampered = `${token.slice(0, -2)}${token.endsWith('xx') ? 'yy' : 'xx'}`;
      await expect(openLink(database.db, SECRET, tampered)).rejects.toMatchObject({
        code: 'link_invalid',
        status: 404,
      });
      await expect(openLink(database.db, 'another secret', token)).rejects.toMatchObject({
        code: 'link_invalid',
      });
      await revokeLink(database.db, caller(), roundId, round.unitsAsked[0].unitId);
      await expect(openLink(database.db, SECRET, token)).rejects.toMatchObject({
        code: 'link_revoked',
        status: 410,
      });
      const fresh = (await getRound(database.db, org, roundId, ctx())).unitsAsked[0].link.split(
        '/respond/',
      )[1];
      expect(readRoundLinkToken(SECRET, fresh)?.version).toBe(2);
      await openLink(database.db, SECRET, fresh);
      await closeRound(database.db, caller(), roundId);
      await expect(openLink(database.db, SECRET, fresh)).rejects.toMatchObject({
        code: 'link_expired',
        status: 410,
      });
    });

    describe('the reminder schedule', () => {
      const kinds = (list: { kind: string; unitName: string | null; actionNumbers: string[] }[]) =>
        list.map((m) => `${m.kind} ${m.unitName} ${m.actionNumbers.join(',')}`).sort();

      it('reminds before a round’s due date and after it, only units that have not answered, in the organisation’s time zone', async () => {
        await saveSettings(database.db, caller(), {
          timeZone: 'Europe/Rome',
          sendHour: 8,
          roundDueSoonDays: 7,
          roundOverdueEveryDays: 7,
          actionDueSoonDays: 0,
          digestWeekday: 1,
          closureMonths: 15,
          remindersEnabled: true,
        });
        const roundId = await open('2027-01-15');
        await deliverDue(database.db, mailer());
        const plan = async (at: string) =>
          (await planReminders(database.db, new Date(at), LINKS)).filter((m) => m.kind.startsWith('round'));
        expect(await plan('2027-01-07T12:00:00Z')).toEqual([]); // eight days before
        expect(await plan('2027-01-08T06:30:00Z')).toEqual([]); // 07:30 in Rome: before the sending hour
        const dueSoon = await plan('2027-01-08T07:30:00Z'); // 08:30 in Rome
        expect(kinds(dueSoon)).toEqual([
          'round_due_soon City coordinators 1.1',
          'round_due_soon City coordinators 1.1', // one per language: Italian and English
          'round_due_soon Communication unit 1.2',
        ]);
        // Queued once: planning again (another turn, a restart, a second process) adds nothing.
        await runFollowup(database.db, mailer(), new Date('2027-01-08T07:30:00Z'), LINKS);
        expect(await plan('2027-01-08T09:00:00Z')).toEqual([]);
        expect(await plan('2027-01-12T09:00:00Z')).toEqual([]);
        // The communication unit answers; the city coordinators do not.
        const round = await getRound(database.db, org, roundId, ctx());
        const commsLink = await openLink(database.db, SECRET, round.unitsAsked[1].link.split('/respond/')[1]);
        const [a12] = (await respondPage(database.db, commsLink, '2027-01-10')).actions;
        await submitReport(
          database.db,
          commsLink,
          a12.id,
          { status: 'initiated', comment: 'Started', author: 'Olga' },
          null,
          '2027-01-10',
        );
        // The round's page flags the unit that has not answered once the due date has passed.
        const late = await getRound(database.db, org, roundId, ctx('2027-01-16'));
        expect(late.unitsAsked.map((u) => [u.name, u.overdue])).toEqual([
          ['City coordinators', true],
          ['Communication unit', false],
        ]);
        expect((await getRound(database.db, org, roundId, ctx('2027-01-15'))).unitsAsked[0].overdue).toBe(
          false,
        );
        expect(kinds(await plan('2027-01-16T09:00:00Z'))).toEqual([
          'round_overdue City coordinators 1.1',
          'round_overdue City coordinators 1.1',
        ]);
        await runFollowup(database.db, mailer(), new Date('2027-01-16T09:00:00Z'), LINKS);
        expect(await plan('2027-01-20T09:00:00Z')).toEqual([]); // five days late: the weekly repeat is not due
        expect(kinds(await plan('2027-01-23T09:00:00Z'))).toHaveLength(2); // eight days late: again
        const sent = smtp.received.filter((m) =>
          /^Subject: (Reminder|Promemoria|.*was due|.*era attesa)/m.test(m.text),
        );
        expect(sent.length).toBe(5);
      });

      it('counts the day and the hour where the organisation is', async () => {
        await open('2027-01-15');
        const at = new Date('2027-01-08T07:30:00Z');
        for (const [timeZone, expected] of [
          ['America/New_York', 0], // 02:30 on the 8th: before the sending hour
          ['Asia/Tokyo', 3], // 16:30 on the 8th: seven days before
          ['Pacific/Kiritimati', 3], // 21:30 on the 8th
          ['Pacific/Pago_Pago', 0], // 20:30 on the 7th: eight days before
        ] as const) {
          await saveSettings(database.db, caller(), {
            timeZone,
            sendHour: 8,
            roundDueSoonDays: 7,
            roundOverdueEveryDays: 7,
            actionDueSoonDays: 0,
            digestWeekday: 1,
            closureMonths: 15,
            remindersEnabled: true,
          });
          const planned = (await planReminders(database.db, at, LINKS)).filter(
            (m) => m.kind === 'round_due_soon',
          );
          expect([timeZone, planned.length]).toEqual([timeZone, expected]);
        }
      });

      it('reminds units of actions due soon and overdue once each, and sends what fell due while it was stopped', async () => {
        const plan = async (at: string) =>
          kinds(
            (await planReminders(database.db, new Date(at), LINKS)).filter((m) =>
              m.kind.startsWith('action'),
            ),
          );
        expect(await plan('2026-12-10T12:00:00Z')).toEqual([]); // 1.1 is due on 31 December, 21 days on
        // The server was down on the 17th, when the 14-day reminder fell due: it goes out when back.
        // One email per language of the unit's focal points (Italian and English).
        expect(await plan('2026-12-20T12:00:00Z')).toEqual([
          'action_due_soon City coordinators 1.1',
          'action_due_soon City coordinators 1.1',
        ]);
        await runFollowup(database.db, mailer(), new Date('2026-12-20T12:00:00Z'), LINKS);
        expect(await plan('2026-12-21T12:00:00Z')).toEqual([]);
        expect(await plan('2027-01-02T12:00:00Z')).toEqual([
          'action_overdue City coordinators 1.1',
          'action_overdue City coordinators 1.1',
        ]);
        await runFollowup(database.db, mailer(), new Date('2027-01-02T12:00:00Z'), LINKS);
        expect(await plan('2027-01-09T12:00:00Z')).toEqual([]);
        const mail = smtp.received.filter((m) =>
          /^Subject: (Due soon|Overdue|In scadenza|Scadute)/m.test(m.text),
        );
        expect(mail.map((m) => m.to.join()).sort()).toEqual([
          'carla@example.org',
          'carla@example.org',
          'dan@example.org',
          'dan@example.org',
        ]);
      });

      it('previews exactly what a run sends, writing nothing', async () => {
        await open('2027-01-15');
        const before = (await database.db.select().from(outbox)).length;
        const preview = await previewFollowup(database.db, new Date('2027-01-09T12:00:00Z'), LINKS);
        expect((await database.db.select().from(outbox)).length).toBe(before);
        // The round's first emails still wait in the outbox; 1.1 is overdue since 31 December.
        expect(preview.map((m) => m.kind).sort()).toEqual([
          'action_overdue',
          'action_overdue',
          'round_due_soon',
          'round_due_soon',
          'round_due_soon',
          'round_opened',
          'round_opened',
          'round_opened',
        ]);
        expect(preview.find((m) => m.unit === 'Communication unit' && m.kind === 'round_due_soon')).toEqual({
          to: ['comms@example.org'],
          kind: 'round_due_soon',
          unit: 'Communication unit',
          evaluation: 'Welcome desks',
          actions: ['1.2'],
        });
        const run = await runFollowup(database.db, mailer(), new Date('2027-01-09T12:00:00Z'), LINKS);
        expect(run.sent).toBe(preview.length);
        expect(await previewFollowup(database.db, new Date('2027-01-09T12:00:00Z'), LINKS)).toEqual([]);
      });
    });
  });
}
