/**
 * What the action tracker tells the modules of its sources about their actions: progress counts
 * per evaluation, open actions per evaluation or per unit, improvement actions per checklist item,
 * what became of the actions of recommendations, and the key actions a public page shows.
 * The tracker owns this SQL (and its closed statuses); the other modules call these functions.
 */
import { and, count, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recommendations } from '../evaluations/schema.js';
import { CLOSED_STATUSES } from './model.js';
import { actions, actionUnits } from './schema.js';

export interface EvaluationProgress {
  actionCount: number;
  completedCount: number;
  overdueCount: number;
}

const closedList = () =>
  sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );

/**
 * Actions, completed and overdue actions of each evaluation (not deleted): one query. Counted
 * recommendation by recommendation through the actions' index (a lateral count each): joined
 * whole, the planner scanned every action of the database for a page of twenty evaluations.
 */
export async function progressOfEvaluations(
  db: Db,
  evaluationIds: string[],
  today: string,
): Promise<Map<string, EvaluationProgress>> {
  const out = new Map<string, EvaluationProgress>();
  if (evaluationIds.length === 0) return out;
  const rows = (
    (await db.execute(sql`
      select r.evaluation_id as "evaluationId",
        coalesce(sum(c.actions), 0)::int as "actionCount",
        coalesce(sum(c.completed), 0)::int as "completedCount",
        coalesce(sum(c.overdue), 0)::int as "overdueCount"
      from ${recommendations} r
      cross join lateral (
        -- Actions that need no action are in the matrix but not in its progress.
        select count(*) filter (where not a.no_action_needed) as actions,
          count(*) filter (where a.status = 'completed' and not a.no_action_needed) as completed,
          count(*) filter (where a.due_to < ${today}::date and not a.no_action_needed
                             and a.status not in (${closedList()})) as overdue
        from ${actions} a
        where a.recommendation_id = r.id and a.deleted_at is null) c
      where r.evaluation_id in (${sql.join(
        evaluationIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      group by r.evaluation_id`)) as unknown as {
      rows: ({ evaluationId: string } & EvaluationProgress)[];
    }
  ).rows;
  for (const { evaluationId, ...counts } of rows) out.set(evaluationId, counts);
  return out;
}

/** How many actions of each evaluation are still open (not closed, not deleted): one query. */
export async function openActionsOfEvaluations(
  db: Db,
  evaluationIds: string[],
): Promise<Map<string, number>> {
  if (evaluationIds.length === 0) return new Map();
  const rows = await db
    .select({ evaluationId: recommendations.evaluationId, n: count().mapWith(Number) })
    .from(actions)
    .innerJoin(recommendations, eq(recommendations.id, actions.recommendationId))
    .where(
      and(
        inArray(recommendations.evaluationId, evaluationIds),
        isNull(actions.deletedAt),
        eq(actions.noActionNeeded, false),
        notInArray(actions.status, [...CLOSED_STATUSES]),
      ),
    )
    .groupBy(recommendations.evaluationId);
  return new Map(rows.map((r) => [r.evaluationId, r.n]));
}

/**
 * Open linked actions per unit of an organisation, as a subquery (`unitId`, `n`) to join in the
 * unit directory's list.
 */
export function openActionsPerUnit(db: Db, organisationId: string) {
  return db
    .select({ unitId: actionUnits.unitId, n: count().as('n') })
    .from(actionUnits)
    .innerJoin(actions, eq(actions.id, actionUnits.actionId))
    .where(
      and(
        eq(actions.organisationId, organisationId),
        isNull(actions.deletedAt),
        eq(actions.noActionNeeded, false),
        notInArray(actions.status, [...CLOSED_STATUSES]),
      ),
    )
    .groupBy(actionUnits.unitId)
    .as('open');
}

/** How many improvement actions (not deleted) each checklist item of a practice has. */
export async function improvementActionsPerItem(db: Db, practiceId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ itemId: actions.itemId, n: count().mapWith(Number) })
    .from(actions)
    .where(and(eq(actions.practiceId, practiceId), isNull(actions.deletedAt)))
    .groupBy(actions.itemId);
  return new Map(rows.flatMap((r) => (r.itemId ? [[r.itemId, r.n] as const] : [])));
}

/** How many actions are linked to a unit (deleted ones included: their links go with the unit). */
export async function actionLinksOfUnit(db: Db, unitId: string): Promise<number> {
  const [linked] = await db.select({ n: count() }).from(actionUnits).where(eq(actionUnits.unitId, unitId));
  return Number(linked?.n ?? 0);
}

export interface RecommendationOutcome {
  /** Actions asked for (not deleted, not "needs no action"). */
  actions: number;
  completed: number;
  /** Completed or otherwise closed. */
  closed: number;
}

/** What became of the actions of each recommendation: one query. */
export async function outcomesOfRecommendations(
  db: Db,
  recommendationIds: string[],
): Promise<Map<string, RecommendationOutcome>> {
  if (recommendationIds.length === 0) return new Map();
  const rows = await db
    .select({
      recommendationId: actions.recommendationId,
      actions: count(),
      completed: sql<number>`count(*) filter (where ${actions.status} = 'completed')`.mapWith(Number),
      closed: sql<number>`count(*) filter (where ${actions.status} in (${closedList()}))`.mapWith(Number),
    })
    .from(actions)
    .where(
      and(
        inArray(actions.recommendationId, recommendationIds),
        isNull(actions.deletedAt),
        eq(actions.noActionNeeded, false),
      ),
    )
    .groupBy(actions.recommendationId);
  return new Map(rows.map(({ recommendationId, ...o }) => [recommendationId as string, o]));
}

/** The key actions of recommendations as a public page shows them (no owners, no comments), in order. */
export function publicActionsOf(db: Db, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      recommendationId: actions.recommendationId,
      number: actions.number,
      text: actions.text,
      timeframe: actions.timeframe,
      dueTo: actions.dueTo,
      status: actions.status,
      noActionNeeded: actions.noActionNeeded,
      added: actions.createdAt,
      lastUpdated: actions.updatedAt,
    })
    .from(actions)
    .where(and(inArray(actions.recommendationId, recommendationIds), isNull(actions.deletedAt)))
    .orderBy(actions.position);
}
