/**
 * Follow-up rounds: an editor opens a round for some evaluations; every unit with open actions in
 * them is asked, by one email per language of its focal points, with the unit's personal link.
 * The round's page shows, per unit, what it was asked and what it did.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { actorOf } from '../../server/caller.js';
import { Conflict, Invalid, NotFound, Unavailable } from '../../server/errors.js';
import { organisations } from '../accounts/schema.js';
import {
  actionsWithUnits,
  type ChasedAction,
  chasedActionsOfEvaluations,
  unlinkedActionsOfEvaluations,
} from '../actions/chase.js';
import { isClosedStatus } from '../actions/model.js';
import { latestReportStates } from '../actions/service.js';
import { recordChange } from '../audit/service.js';
import { evaluations } from '../evaluations/schema.js';
import type { EmailLanguage } from '../units/model.js';
import { units } from '../units/schema.js';
import { recipientsOfUnits } from '../units/service.js';
import { respondPath, roundLinkToken } from './links.js';
import { renderMessage } from './messages.js';
import type { Delivery, RoundDetail, RoundInput, RoundPreview, RoundSummary, RoundUnit } from './model.js';
import { enqueue } from './outbox.js';
import { outbox, roundActions, roundEvaluations, rounds, roundUnits } from './schema.js';
import { getSettings } from './settings.js';

export interface LinkContext {
  secret: string;
  /** INTEGRA_URL or this machine's address: links in emails and on the round page start with it. */
  linkBase: string;
  mail: boolean;
  today: string;
}

export type Recipient = {
  email: string;
  name: string | null;
  language: string | null;
  userId: string | null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Recipients grouped by the language their email is written in. */
export function byLanguage(recipients: Recipient[], fallback: EmailLanguage): Map<EmailLanguage, string[]> {
  const groups = new Map<EmailLanguage, string[]>();
  for (const r of recipients) {
    const language = (
      ['en', 'fr', 'es', 'it'].includes(r.language ?? '') ? r.language : fallback
    ) as EmailLanguage;
    groups.set(language, [...(groups.get(language) ?? []), r.email]);
  }
  return groups;
}

async function checkEvaluations(db: Db, organisationId: string, ids: string[]) {
  const found = await db
    .select({ id: evaluations.id, title: evaluations.title, closedAt: evaluations.closedAt })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.organisationId, organisationId),
        inArray(evaluations.id, ids),
        isNull(evaluations.deletedAt),
      ),
    );
  const issues = ids.flatMap((id, i) => {
    const e = found.find((f) => f.id === id);
    if (!e) return [{ path: `evaluationIds.${i}`, message: 'no such evaluation' }];
    if (e.closedAt) return [{ path: `evaluationIds.${i}`, message: `“${e.title}” is closed` }];
    return [];
  });
  if (issues.length) throw new Invalid('Some evaluations cannot be followed up.', issues);
  return found;
}

/** What opening the round would do: the units asked, their recipients, and what stops it. */
export async function previewRound(db: Db, organisationId: string, input: RoundInput, ctx: LinkContext) {
  const evaluationIds = [...new Set(input.evaluationIds)];
  await checkEvaluations(db, organisationId, evaluationIds);
  const chased = await chasedActionsOfEvaluations(db, organisationId, evaluationIds);
  const unitIds = [...new Set(chased.map((a) => a.unitId))];
  const recipients = await recipientsOfUnits(db, unitIds);
  const units = unitIds.map((unitId) => {
    const list = recipients.get(unitId) ?? [];
    const problems: string[] = [];
    if (list.length === 0) problems.push('has no focal point to email: add one on the Units page');
    for (const r of list)
      if (!EMAIL.test(r.email)) problems.push(`“${r.email}” is not a valid email address`);
    return {
      unitId,
      name: chased.find((a) => a.unitId === unitId)?.unitName ?? '',
      actions: chased.filter((a) => a.unitId === unitId).length,
      recipients: list.map((r) => r.email),
      problems,
    };
  });
  const problems: string[] = [];
  if (units.length === 0) {
    problems.push(
      'No open action of these evaluations is linked to a responsible unit: there is nobody to ask.',
    );
  }
  if (input.dueOn < ctx.today) problems.push('The due date has already passed.');
  const preview: RoundPreview = {
    units: units.sort((a, b) => a.name.localeCompare(b.name)),
    unlinkedActions: await unlinkedActionsOfEvaluations(db, organisationId, evaluationIds),
    problems,
    mail: ctx.mail,
  };
  return { preview, chased, recipients };
}

/** Opens a round: records who is asked about what and queues their emails, in one transaction. */
export async function openRound(
  db: Db,
  caller: Caller,
  input: RoundInput,
  ctx: LinkContext,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { preview, chased, recipients } = await previewRound(tx, caller.organisationId, input, ctx);
    const issues = [
      ...preview.problems.map((message) => ({ path: 'evaluationIds', message })),
      ...preview.units.flatMap((u) =>
        u.problems.map((p) => ({ path: `units.${u.name}`, message: `${u.name} ${p}` })),
      ),
    ];
    if (issues.length) throw new Invalid('The round cannot be opened yet; nothing was sent.', issues);
    const [round] = await tx
      .insert(rounds)
      .values({
        organisationId: caller.organisationId,
        name: input.name,
        dueOn: input.dueOn,
        message: input.message || null,
        openedBy: actorOf(caller).actorName,
      })
      .returning();
    const evaluationIds = [...new Set(input.evaluationIds)];
    await tx
      .insert(roundEvaluations)
      .values(evaluationIds.map((evaluationId) => ({ roundId: round.id, evaluationId })));
    for (const unit of preview.units) {
      const [ru] = await tx.insert(roundUnits).values({ roundId: round.id, unitId: unit.unitId }).returning();
      const asked = chased.filter((a) => a.unitId === unit.unitId);
      await tx.insert(roundActions).values(asked.map((a) => ({ roundUnitId: ru.id, actionId: a.id })));
      if (ctx.mail) {
        await queueRoundEmail(
          tx,
          caller.organisationId,
          round,
          ru,
          unit.name,
          asked,
          recipients.get(unit.unitId) ?? [],
          ctx,
          'round_opened',
          [`round_opened:${ru.id}`],
        );
      }
    }
    await recordChange(tx, caller, {
      entity: 'round',
      entityId: round.id,
      operation: 'create',
      before: null,
      after: {
        name: round.name,
        dueOn: round.dueOn,
        evaluations: evaluationIds.length,
        units: preview.units.length,
      },
    });
    return round.id;
  });
}

/** Queues one email per language of a unit's focal points, about its actions in a round. */
export async function queueRoundEmail(
  tx: Db,
  organisationId: string,
  round: { id: string; name: string; dueOn: string; message: string | null },
  ru: { id: string; unitId: string; linkVersion: number },
  unitName: string,
  asked: Pick<ChasedAction, 'number' | 'text' | 'evaluationTitle' | 'dueTo'>[],
  recipients: Recipient[],
  ctx: Pick<LinkContext, 'secret' | 'linkBase'>,
  kind: 'round_opened' | 'round_due_soon' | 'round_overdue',
  keys: string[],
) {
  const [org] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const settings = await getSettings(tx, organisationId);
  const link = `${ctx.linkBase}${respondPath(roundLinkToken(ctx.secret, ru.id, ru.linkVersion))}`;
  const titles = [...new Set(asked.map((a) => a.evaluationTitle))];
  let queued = 0;
  for (const [language, to] of byLanguage(recipients, settings.language)) {
    const { subject, body } = renderMessage({
      kind,
      language,
      organisationName: org?.name ?? '',
      unitName,
      round,
      actions: asked,
      link,
    });
    const id = await enqueue(tx, {
      organisationId,
      kind,
      to,
      language,
      subject,
      body,
      unitName,
      evaluationTitle: titles.length === 1 ? titles[0] : null,
      actionNumbers: asked.map((a) => a.number),
      roundId: round.id,
      unitId: ru.unitId,
      keys: keys.map((k) => `${k}:${language}`),
    });
    if (id) queued++;
  }
  return queued;
}

async function loadRoundUnit(db: Db, organisationId: string, roundId: string, unitId: string) {
  const [row] = await db
    .select({ ru: roundUnits, round: rounds })
    .from(roundUnits)
    .innerJoin(rounds, eq(rounds.id, roundUnits.roundId))
    .where(
      and(eq(rounds.id, roundId), eq(rounds.organisationId, organisationId), eq(roundUnits.unitId, unitId)),
    );
  if (!row) throw new NotFound('unit in this round');
  if (row.round.closedAt) throw new Conflict('This round is closed.');
  return row;
}

/** Emails a unit its link again (a new message, whatever was sent before). */
export async function resendToUnit(
  db: Db,
  caller: Caller,
  roundId: string,
  unitId: string,
  ctx: LinkContext,
) {
  if (!ctx.mail)
    throw new Unavailable('This server cannot send email (SMTP_URL is not set): copy the link instead.');
  await db.transaction(async (tx) => {
    const { ru, round } = await loadRoundUnit(tx, caller.organisationId, roundId, unitId);
    const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, unitId));
    const askedIds = await tx
      .select({ id: roundActions.actionId })
      .from(roundActions)
      .where(eq(roundActions.roundUnitId, ru.id));
    const list = (
      await actionsWithUnits(
        tx,
        caller.organisationId,
        askedIds.map((a) => a.id),
      )
    ).filter((a) => a.unitId === unitId);
    const recipients = (await recipientsOfUnits(tx, [unitId])).get(unitId) ?? [];
    if (recipients.length === 0)
      throw new Invalid('This unit has no focal point to email: add one on the Units page.');
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(and(eq(outbox.roundId, roundId), eq(outbox.unitId, unitId)));
    await queueRoundEmail(
      tx,
      caller.organisationId,
      round,
      ru,
      unit?.name ?? '',
      list,
      recipients,
      ctx,
      'round_opened',
      [`round_resend:${ru.id}:${n}`],
    );
    await recordChange(tx, caller, {
      entity: 'round',
      entityId: roundId,
      operation: 'update',
      before: null,
      after: { resentTo: unit?.name ?? unitId },
    });
  });
}

/** Revokes a unit's link: the next link (re-sent or copied) carries a new version. */
export async function revokeLink(db: Db, caller: Caller, roundId: string, unitId: string) {
  await db.transaction(async (tx) => {
    const { ru } = await loadRoundUnit(tx, caller.organisationId, roundId, unitId);
    await tx
      .update(roundUnits)
      .set({ linkVersion: ru.linkVersion + 1, revokedAt: sql`now()` as unknown as string })
      .where(eq(roundUnits.id, ru.id));
    await recordChange(tx, caller, {
      entity: 'round',
      entityId: roundId,
      operation: 'update',
      before: { linkVersion: ru.linkVersion },
      after: { linkVersion: ru.linkVersion + 1, revokedFor: unitId },
    });
  });
}

export async function closeRound(db: Db, caller: Caller, roundId: string) {
  await db.transaction(async (tx) => {
    const [round] = await tx
      .select()
      .from(rounds)
      .where(and(eq(rounds.id, roundId), eq(rounds.organisationId, caller.organisationId)))
      .for('update');
    if (!round) throw new NotFound('round');
    if (round.closedAt) throw new Conflict('This round is already closed.');
    await tx
      .update(rounds)
      .set({ closedAt: sql`now()` as unknown as string })
      .where(eq(rounds.id, roundId));
    // Reminders of the round that did not go out yet are no longer wanted.
    await tx.delete(outbox).where(and(eq(outbox.roundId, roundId), eq(outbox.status, 'pending')));
    await recordChange(tx, caller, {
      entity: 'round',
      entityId: roundId,
      operation: 'update',
      before: { closedAt: null },
      after: { closedAt: 'now' },
    });
  });
}

/**
 * The actions of some round units that still wait for an answer: not closed, and without a report
 * of the unit in the round that was not returned.
 */
export async function unansweredActions(db: Db, organisationId: string, roundUnitIds: string[]) {
  const out = new Map<string, (ChasedAction & { roundUnitId: string })[]>();
  if (roundUnitIds.length === 0) return out;
  const rows = await db
    .select({
      roundUnitId: roundActions.roundUnitId,
      actionId: roundActions.actionId,
      unitId: roundUnits.unitId,
      roundId: roundUnits.roundId,
    })
    .from(roundActions)
    .innerJoin(roundUnits, eq(roundUnits.id, roundActions.roundUnitId))
    .where(inArray(roundActions.roundUnitId, roundUnitIds));
  const actionsNow = await actionsWithUnits(db, organisationId, [...new Set(rows.map((r) => r.actionId))]);
  const latest = await latestReportStates(db, rows);
  for (const r of rows) {
    const a = actionsNow.find((x) => x.id === r.actionId && x.unitId === r.unitId);
    if (!a || isClosedStatus(a.status)) continue;
    const state = latest.get(`${r.actionId}:${r.unitId}:${r.roundId}`);
    if (state === 'reported' || state === 'validated') continue;
    out.set(r.roundUnitId, [...(out.get(r.roundUnitId) ?? []), { ...a, roundUnitId: r.roundUnitId }]);
  }
  return out;
}

/** Per round unit: actions asked, and how many of them the unit reported, had validated or returned. */
export async function roundCounts(db: Db, roundIds: string[]) {
  const rows = await db
    .select({
      roundUnitId: roundActions.roundUnitId,
      actionId: roundActions.actionId,
      unitId: roundUnits.unitId,
      roundId: roundUnits.roundId,
    })
    .from(roundActions)
    .innerJoin(roundUnits, eq(roundUnits.id, roundActions.roundUnitId))
    .where(roundIds.length ? inArray(roundUnits.roundId, roundIds) : sql`false`);
  const latest = await latestReportStates(db, rows);
  const counts = new Map<
    string,
    { actions: number; reported: number; validated: number; returned: number }
  >();
  for (const r of rows) {
    const c = counts.get(r.roundUnitId) ?? { actions: 0, reported: 0, validated: 0, returned: 0 };
    c.actions++;
    const state = latest.get(`${r.actionId}:${r.unitId}:${r.roundId}`) as
      | 'reported'
      | 'validated'
      | 'returned'
      | undefined;
    if (state) c[state]++;
    counts.set(r.roundUnitId, c);
  }
  return counts;
}

export async function listRounds(
  db: Db,
  organisationId: string,
  today: string,
  roundId?: string,
): Promise<RoundSummary[]> {
  const list = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.organisationId, organisationId), roundId ? eq(rounds.id, roundId) : undefined))
    .orderBy(desc(rounds.openedAt))
    .limit(200);
  const ids = list.map((r) => r.id);
  const [evals, rus, counts] = await Promise.all([
    ids.length
      ? db
          .select({ roundId: roundEvaluations.roundId, id: evaluations.id, title: evaluations.title })
          .from(roundEvaluations)
          .innerJoin(evaluations, eq(evaluations.id, roundEvaluations.evaluationId))
          .where(inArray(roundEvaluations.roundId, ids))
          .orderBy(asc(evaluations.title))
      : [],
    ids.length ? db.select().from(roundUnits).where(inArray(roundUnits.roundId, ids)) : [],
    roundCounts(db, ids),
  ]);
  return list.map((r) => {
    const mine = rus.filter((u) => u.roundId === r.id);
    const answered = mine.filter((u) => isAnswered(counts.get(u.id))).length;
    return {
      id: r.id,
      name: r.name,
      dueOn: r.dueOn,
      message: r.message,
      openedBy: r.openedBy,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      evaluations: evals.filter((e) => e.roundId === r.id).map(({ id, title }) => ({ id, title })),
      units: mine.length,
      answered,
      overdue: !r.closedAt && r.dueOn < today && answered < mine.length,
    };
  });
}

const isAnswered = (c?: { actions: number; reported: number; validated: number }) =>
  Boolean(c && c.reported + c.validated >= c.actions);

export async function getRound(
  db: Db,
  organisationId: string,
  roundId: string,
  ctx: LinkContext,
): Promise<RoundDetail> {
  const [summary] = await listRounds(db, organisationId, ctx.today, roundId);
  if (!summary) throw new NotFound('round');
  const rus = await db.select().from(roundUnits).where(eq(roundUnits.roundId, roundId));
  const names = rus.length
    ? await db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(
          inArray(
            units.id,
            rus.map((u) => u.unitId),
          ),
        )
    : [];
  const [counts, recipients, deliveries] = await Promise.all([
    roundCounts(db, [roundId]),
    recipientsOfUnits(
      db,
      rus.map((u) => u.unitId),
    ),
    db.select().from(outbox).where(eq(outbox.roundId, roundId)).orderBy(asc(outbox.createdAt)),
  ]);
  const unitsAsked: RoundUnit[] = rus.map((u) => {
    const c = counts.get(u.id) ?? { actions: 0, reported: 0, validated: 0, returned: 0 };
    const mine = deliveries.filter((d) => d.unitId === u.unitId);
    const sent = mine.filter((d) => d.status === 'sent' && d.sentAt).map((d) => d.sentAt as string);
    return {
      unitId: u.unitId,
      name: names.find((n) => n.id === u.unitId)?.name ?? '',
      recipients: (recipients.get(u.unitId) ?? []).map((r) => r.email),
      actions: c.actions,
      askedAt: sent.sort()[0] ?? null,
      openedAt: u.openedAt,
      answeredAt: u.answeredAt,
      reported: c.reported,
      validated: c.validated,
      returned: c.returned,
      overdue: !summary.closedAt && summary.dueOn < ctx.today && !isAnswered(c),
      revoked: u.revokedAt !== null,
      link: `${ctx.linkBase}${respondPath(roundLinkToken(ctx.secret, u.id, u.linkVersion))}`,
      deliveries: mine.map(
        (d): Delivery => ({
          id: d.id,
          kind: d.kind as Delivery['kind'],
          to: d.to,
          status: d.status as Delivery['status'],
          error: d.error,
          dueAt: d.dueAt,
          sentAt: d.sentAt,
        }),
      ),
    };
  });
  unitsAsked.sort((a, b) => a.name.localeCompare(b.name));
  return { ...summary, unitsAsked, mail: ctx.mail };
}
