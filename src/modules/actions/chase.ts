/**
 * The actions follow-up chases: linked to a responsible unit, not closed, needing an action (not
 * "N/A …"), in an evaluation that is neither deleted nor closed. Rounds ask about them and
 * reminders list them; the tracker owns this SQL.
 */
import { and, asc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import { units } from '../units/schema.js';
import { ACTION_STATUSES, type ActionStatus, CLOSED_STATUSES } from './model.js';
import { actions, actionUnits } from './schema.js';
import { VOCABULARY } from './service.js';

export interface ChasedAction {
  id: string;
  number: string;
  text: string;
  timeframe: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  dueInferred: boolean;
  responsible: string | null;
  fundingConditional: boolean;
  priority: number | null;
  status: ActionStatus;
  statuses: ActionStatus[];
  evaluationId: string;
  evaluationTitle: string;
  recommendationNumber: string;
  unitId: string;
  unitName: string;
}

function chased(db: Db, where: SQL, open = true) {
  return db
    .select({
      id: actions.id,
      number: actions.number,
      text: actions.text,
      timeframe: actions.timeframe,
      dueFrom: actions.dueFrom,
      dueTo: actions.dueTo,
      dueInferred: actions.dueInferred,
      responsible: actions.responsible,
      fundingConditional: actions.fundingConditional,
      priority: recommendations.priority,
      status: actions.status,
      template: evaluations.statusTemplate,
      evaluationId: evaluations.id,
      evaluationTitle: evaluations.title,
      recommendationNumber: recommendations.number,
      unitId: actionUnits.unitId,
      unitName: units.name,
    })
    .from(actions)
    .innerJoin(actionUnits, eq(actionUnits.actionId, actions.id))
    .innerJoin(units, eq(units.id, actionUnits.unitId))
    .innerJoin(recommendations, eq(recommendations.id, actions.recommendationId))
    .innerJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
    .where(
      and(
        where,
        isNull(actions.deletedAt),
        isNull(evaluations.deletedAt),
        open ? isNull(evaluations.closedAt) : undefined,
        open
          ? sql`${actions.status} not in (${sql.join(
              CLOSED_STATUSES.map((s) => sql`${s}`),
              sql`, `,
            )})`
          : undefined,
        open ? eq(actions.noActionNeeded, false) : undefined,
      ),
    )
    .orderBy(asc(evaluations.title), asc(recommendations.position), asc(actions.position))
    .then((rows) =>
      rows.map(({ template, ...r }) => ({
        ...r,
        status: r.status as ActionStatus,
        statuses: [...(VOCABULARY[template] ?? ACTION_STATUSES)],
      })),
    );
}

/** The chased actions of some evaluations, one row per action and linked unit. */
export function chasedActionsOfEvaluations(
  db: Db,
  organisationId: string,
  evaluationIds: string[],
): Promise<ChasedAction[]> {
  if (evaluationIds.length === 0) return Promise.resolve([]);
  return chased(db, and(eq(actions.organisationId, organisationId), inArray(evaluations.id, evaluationIds))!);
}

/** Open actions of the evaluations that no unit is linked to: nobody can be asked about them. */
export async function unlinkedActionsOfEvaluations(db: Db, organisationId: string, evaluationIds: string[]) {
  if (evaluationIds.length === 0) return [];
  return db
    .select({ id: actions.id, number: actions.number, evaluationTitle: evaluations.title })
    .from(actions)
    .innerJoin(recommendations, eq(recommendations.id, actions.recommendationId))
    .innerJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
    .where(
      and(
        eq(actions.organisationId, organisationId),
        inArray(evaluations.id, evaluationIds),
        isNull(actions.deletedAt),
        sql`${actions.status} not in (${sql.join(
          CLOSED_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )})`,
        eq(actions.noActionNeeded, false),
        sql`not exists (select 1 from ${actionUnits} where ${actionUnits.actionId} = ${actions.id})`,
      ),
    )
    .orderBy(asc(evaluations.title), asc(recommendations.position), asc(actions.position));
}

/** Chased actions of an organisation whose due window ends between two dates (inclusive). */
export function chasedActionsDueBetween(
  db: Db,
  organisationId: string,
  from: string | null,
  to: string,
): Promise<ChasedAction[]> {
  return chased(
    db,
    and(
      eq(actions.organisationId, organisationId),
      from ? gte(actions.dueTo, from) : sql`${actions.dueTo} is not null`,
      lte(actions.dueTo, to),
    )!,
  );
}

/**
 * Chased actions of some units (for a digest or "my follow-up"), with due windows ending by `to`;
 * all of them (with or without a due window) when `to` is null.
 */
export function chasedActionsOfUnits(db: Db, organisationId: string, unitIds: string[], to: string | null) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return chased(
    db,
    and(
      eq(actions.organisationId, organisationId),
      inArray(actionUnits.unitId, unitIds),
      to === null ? undefined : lte(actions.dueTo, to),
    )!,
  );
}

/** Some actions with their units, open or not (the actions a round asked about, as they are now). */
export function actionsWithUnits(db: Db, organisationId: string, ids: string[]): Promise<ChasedAction[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return chased(db, and(eq(actions.organisationId, organisationId), inArray(actions.id, ids))!, false);
}
