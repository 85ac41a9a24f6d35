/**
 * The reminder planner: from what the database says now (rounds, due windows, reports), the
 * emails that are due, in each organisation's time zone and from its sending hour. It writes
 * nothing: `runFollowup` queues what it plans (each reminder's keys are written once, so a
 * reminder planned again — after a restart, or by a second process — adds nothing) and sends.
 */
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Mailer } from '../../lib/mail.js';
import { memberships, organisations, users } from '../accounts/schema.js';
import { type ChasedAction, chasedActionsDueBetween, chasedActionsOfUnits } from '../actions/chase.js';
import { listReports } from '../actions/reports.js';
import { units } from '../units/schema.js';
import { recipientsOfUnits, unitsOfPerson } from '../units/service.js';
import { respondPath, roundLinkToken, unitLinkToken } from './links.js';
import { longDate, renderMessage } from './messages.js';
import type { FollowupSettings, MessageKind, PlannedMessage } from './model.js';
import { deliverDue, enqueue, type OutgoingMessage, pendingMessages } from './outbox.js';
import { unansweredActions } from './roundStatus.js';
import { byLanguage, type Recipient } from './rounds.js';
import { digestSubscriptions, outboxKeys, roundActions, rounds, roundUnits } from './schema.js';
import { getSettings, localClock } from './settings.js';

export interface PlanContext {
  secret: string;
  linkBase: string;
  /** Plan as on this day (YYYY-MM-DD) after every sending hour, whatever the clock says. */
  today?: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (date: string, n: number) => iso(addDays(parseISO(`${date}T00:00:00Z`), n));

/** Everything due now in every organisation, minus what was already planned. */
export async function planReminders(db: Db, now: Date, ctx: PlanContext): Promise<OutgoingMessage[]> {
  const orgs = await db.select({ id: organisations.id, name: organisations.name }).from(organisations);
  const planned: OutgoingMessage[] = [];
  for (const org of orgs) {
    const settings = await getSettings(db, org.id);
    if (!settings.remindersEnabled) continue;
    const clock = ctx.today
      ? { date: ctx.today, weekday: ((parseISO(ctx.today).getUTCDay() + 6) % 7) + 1, hour: 23 }
      : localClock(now, settings.timeZone);
    if (clock.hour < settings.sendHour) continue;
    const o = { ...org, settings, today: clock.date, weekday: clock.weekday };
    planned.push(...(await roundReminders(db, o, ctx)));
    planned.push(...(await actionReminders(db, o, ctx)));
    if (clock.weekday === settings.digestWeekday) planned.push(...(await digests(db, o, ctx)));
  }
  // Keys already written were planned before: leave out what they cover.
  const keys = planned.flatMap((m) => m.keys);
  const taken = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .select({ key: outboxKeys.key })
      .from(outboxKeys)
      .where(inArray(outboxKeys.key, keys.slice(i, i + 1000)));
    for (const r of rows) taken.add(r.key);
  }
  return planned.filter((m) => m.keys.every((k) => !taken.has(k)));
}

interface Org {
  id: string;
  name: string;
  settings: FollowupSettings;
  today: string;
  weekday: number;
}

function messagesFor(
  org: Org,
  kind: MessageKind,
  recipients: Recipient[],
  about: { unitId: string | null; unitName: string | null; roundId?: string | null },
  actions: Pick<ChasedAction, 'number' | 'text' | 'evaluationTitle' | 'dueTo'>[],
  link: string,
  keyOf: (language: string) => string[],
  round?: { name: string; dueOn: string; message: string | null },
  extra?: string[],
): OutgoingMessage[] {
  const titles = [...new Set(actions.map((a) => a.evaluationTitle))];
  return [...byLanguage(recipients, org.settings.language)].map(([language, to]) => {
    const { subject, body } = renderMessage({
      kind,
      language,
      organisationName: org.name,
      unitName: about.unitName,
      round,
      actions,
      link,
      extra,
    });
    return {
      organisationId: org.id,
      kind,
      to,
      language,
      subject,
      body,
      unitName: about.unitName,
      evaluationTitle: titles.length === 1 ? titles[0] : null,
      actionNumbers: actions.map((a) => a.number),
      roundId: about.roundId ?? null,
      unitId: about.unitId,
      keys: keyOf(language),
    };
  });
}

const linkOf = (ctx: PlanContext, ru: { id: string; linkVersion: number }) =>
  `${ctx.linkBase}${respondPath(roundLinkToken(ctx.secret, ru.id, ru.linkVersion))}`;

/** Before a round's due date, and every few days after it, to units that have not answered. */
async function roundReminders(db: Db, org: Org, ctx: PlanContext): Promise<OutgoingMessage[]> {
  const open = await db
    .select({ ru: roundUnits, round: rounds, unitName: units.name })
    .from(roundUnits)
    .innerJoin(rounds, eq(rounds.id, roundUnits.roundId))
    .innerJoin(units, eq(units.id, roundUnits.unitId))
    .where(and(eq(rounds.organisationId, org.id), isNull(rounds.closedAt)));
  const { roundDueSoonDays, roundOverdueEveryDays } = org.settings;
  const due = open.filter(({ round }) => org.today >= plusDays(round.dueOn, -roundDueSoonDays));
  if (due.length === 0) return [];
  const waiting = await unansweredActions(
    db,
    org.id,
    due.map((d) => d.ru.id),
  );
  const recipients = await recipientsOfUnits(db, [...new Set(due.map((d) => d.ru.unitId))]);
  return due.flatMap(({ ru, round, unitName }) => {
    const actions = waiting.get(ru.id) ?? [];
    if (actions.length === 0) return [];
    const late = differenceInCalendarDays(parseISO(org.today), parseISO(round.dueOn));
    const kind = late > 0 ? 'round_overdue' : 'round_due_soon';
    const key =
      late > 0
        ? `round_overdue:${ru.id}:${Math.floor((late - 1) / roundOverdueEveryDays)}`
        : `round_due_soon:${ru.id}`;
    return messagesFor(
      org,
      kind,
      recipients.get(ru.unitId) ?? [],
      { unitId: ru.unitId, unitName, roundId: round.id },
      actions,
      linkOf(ctx, ru),
      (language) => [`${key}:${language}`],
      round,
    );
  });
}

/** Before an action's due window ends, and once when it becomes overdue: one email per unit and evaluation. */
async function actionReminders(db: Db, org: Org, ctx: PlanContext): Promise<OutgoingMessage[]> {
  const soon = await chasedActionsDueBetween(
    db,
    org.id,
    org.today,
    plusDays(org.today, org.settings.actionDueSoonDays),
  );
  const late = await chasedActionsDueBetween(db, org.id, null, plusDays(org.today, -1));
  const all = [...soon, ...late];
  if (all.length === 0) return [];
  const recipients = await recipientsOfUnits(db, [...new Set(all.map((a) => a.unitId))]);
  // An open round asking the unit about the action gives the link to answer it.
  const asked = await db
    .select({ actionId: roundActions.actionId, ru: roundUnits })
    .from(roundActions)
    .innerJoin(roundUnits, eq(roundUnits.id, roundActions.roundUnitId))
    .innerJoin(rounds, eq(rounds.id, roundUnits.roundId))
    .where(
      and(
        eq(rounds.organisationId, org.id),
        isNull(rounds.closedAt),
        inArray(
          roundActions.actionId,
          all.map((a) => a.id),
        ),
      ),
    );
  // Otherwise the unit's standing link: its focal points may have no account to open the matrix.
  const unitIds = [...new Set(all.map((a) => a.unitId))];
  const versions = new Map(
    (
      await db
        .select({ id: units.id, linkVersion: units.linkVersion })
        .from(units)
        .where(inArray(units.id, unitIds))
    ).map((u) => [u.id, u.linkVersion]),
  );
  const out: OutgoingMessage[] = [];
  for (const [kind, list] of [
    ['action_due_soon', soon],
    ['action_overdue', late],
  ] as const) {
    const groups = new Map<string, ChasedAction[]>();
    for (const a of list)
      groups.set(`${a.unitId}|${a.evaluationId}`, [
        ...(groups.get(`${a.unitId}|${a.evaluationId}`) ?? []),
        a,
      ]);
    for (const group of groups.values()) {
      const { unitId, unitName } = group[0];
      const round = asked.find((x) => x.ru.unitId === unitId && group.some((a) => a.id === x.actionId));
      const link = round
        ? linkOf(ctx, round.ru)
        : `${ctx.linkBase}${respondPath(unitLinkToken(ctx.secret, unitId, versions.get(unitId) ?? 1))}`;
      out.push(
        ...messagesFor(
          org,
          kind,
          recipients.get(unitId) ?? [],
          { unitId, unitName },
          group,
          link,
          (language) => group.map((a) => `${kind}:${a.id}:${unitId}:${a.dueTo}:${language}`),
        ),
      );
    }
  }
  return out;
}

/** The weekly digest of each person who asked for it: what they and their units owe. */
async function digests(db: Db, org: Org, ctx: PlanContext): Promise<OutgoingMessage[]> {
  const people = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      language: users.language,
      unitId: memberships.unitId,
    })
    .from(digestSubscriptions)
    .innerJoin(users, eq(users.id, digestSubscriptions.userId))
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, org.id)))
    .where(eq(digestSubscriptions.organisationId, org.id));
  const out: OutgoingMessage[] = [];
  for (const p of people) {
    const unitIds = await unitsOfPerson(db, org.id, p.userId, p.unitId);
    const owed = await chasedActionsOfUnits(
      db,
      org.id,
      unitIds,
      plusDays(org.today, org.settings.actionDueSoonDays),
    );
    const returned = await listReports(db, org.id, { unitIds, state: 'returned', latest: true }, 50);
    if (owed.length === 0 && returned.length === 0) continue;
    const language =
      byLanguage([{ ...p, userId: p.userId }], org.settings.language)
        .keys()
        .next().value ?? 'en';
    const extra = returned.map(
      (r) =>
        `↩ ${r.actionNumber} (${r.unitName ?? ''}, ${longDate(r.recordedOn, language)}): ${r.reviewComment ?? ''}`,
    );
    out.push(
      ...messagesFor(
        org,
        'digest',
        [{ email: p.email, name: p.name, language: p.language, userId: p.userId }],
        { unitId: null, unitName: null },
        owed,
        `${ctx.linkBase}/my`,
        () => [`digest:${org.id}:${p.userId}:${org.today}`],
        undefined,
        extra,
      ),
    );
  }
  return out;
}

/** A person's units in an organisation: the one their membership names and those they are a focal point of. */
/** What `followup preview` prints: the messages that would go out now, planned or already queued. */
export async function previewFollowup(db: Db, now: Date, ctx: PlanContext): Promise<PlannedMessage[]> {
  const queued = await pendingMessages(db);
  const planned = await planReminders(db, now, ctx);
  return [...queued, ...planned].map((m) => ({
    to: m.to,
    kind: m.kind as MessageKind,
    unit: m.unitName,
    evaluation: m.evaluationTitle,
    actions: m.actionNumbers,
  }));
}

/** One turn of the scheduler: plan under a lock (one planner at a time across processes), queue, send. */
export async function runFollowup(db: Db, mailer: Mailer, now: Date, ctx: PlanContext) {
  let queued = 0;
  if (mailer.configured) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7224839002)`);
      for (const m of await planReminders(tx, now, ctx)) if (await enqueue(tx, m)) queued++;
    });
  }
  const delivered = await deliverDue(db, mailer);
  return { queued, ...delivered };
}
