/**
 * Where follow-up rounds stand: the rounds listed with their counts, one round's page (per unit:
 * asked, opened, answered, reported, validated, returned, every delivery), and the actions a unit
 * still has to answer.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { NotFound } from '../../server/errors.js';
import { actionsWithUnits, type ChasedAction } from '../actions/chase.js';
import { isClosedStatus } from '../actions/model.js';
import { latestReportStates } from '../actions/service.js';
import { evaluations } from '../evaluations/schema.js';
import { units } from '../units/schema.js';
import { recipientsOfUnits } from '../units/service.js';
import { respondPath, roundLinkToken } from './links.js';
import type { Delivery, RoundDetail, RoundSummary, RoundUnit } from './model.js';
import type { LinkContext } from './rounds.js';
import { outbox, roundActions, roundEvaluations, rounds, roundUnits } from './schema.js';

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
