/**
 * The cross-source action list ("what does my unit owe, and by when?") and its export stream.
 * It joins the tables of the sources (recommendations and their evaluations, practices) to say
 * where each action comes from.
 */
import {
  and,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lte,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import { practices } from '../practices/schema.js';
import {
  type ActionList,
  type ActionListQuery,
  type ActionListRow,
  type ActionStatus,
  CLOSED_STATUSES,
} from './model.js';
import { presentDue } from './records.js';
import { actions, actionUnits } from './schema.js';
import { linkedUnits } from './unitLinks.js';

export const overdueSql = (today: string) =>
  sql<boolean>`(${actions.dueTo} is not null and ${actions.dueTo} < ${today}::date and not ${actions.noActionNeeded} and ${actions.status} not in (${sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )}))`;
const dueOrder = sql`coalesce(${actions.dueTo}, '9999-12-31'::date)`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The list's filters; `mine` is resolved by the caller into the units the person answers for. */
export type ActionFilters = Partial<ActionListQuery> & { mineUnitIds?: string[] };

function listConditions(organisationId: string, q: ActionFilters, today: string): SQL {
  const conds: (SQL | undefined)[] = [eq(actions.organisationId, organisationId), isNull(actions.deletedAt)];
  if (q.responsible?.trim()) conds.push(ilike(actions.responsible, `%${escapeLike(q.responsible.trim())}%`));
  if (q.unitId) {
    conds.push(
      sql`exists (select 1 from ${actionUnits} where ${actionUnits.actionId} = ${actions.id} and ${actionUnits.unitId} = ${q.unitId})`,
    );
  }
  if (q.mine === 'true') {
    const ids = q.mineUnitIds ?? [];
    conds.push(
      ids.length === 0
        ? sql`false`
        : sql`exists (select 1 from ${actionUnits} where ${actionUnits.actionId} = ${actions.id} and ${inArray(actionUnits.unitId, ids)})`,
    );
  }
  if (q.open === 'true') {
    conds.push(eq(actions.noActionNeeded, false), notInArray(actions.status, [...CLOSED_STATUSES]));
  }
  if (q.open === 'false') {
    conds.push(or(eq(actions.noActionNeeded, true), inArray(actions.status, [...CLOSED_STATUSES]))!);
  }
  if (q.q?.trim()) conds.push(ilike(actions.text, `%${escapeLike(q.q.trim())}%`));
  if (q.status) conds.push(eq(actions.status, q.status));
  if (q.priority !== undefined) {
    conds.push(
      q.priority === 0 ? isNull(recommendations.priority) : eq(recommendations.priority, q.priority),
    );
  }
  if (q.dueBefore) conds.push(lte(actions.dueTo, q.dueBefore));
  if (q.dueAfter) conds.push(gte(actions.dueTo, q.dueAfter));
  if (q.overdue === 'true') conds.push(overdueSql(today));
  if (q.overdue === 'false') conds.push(sql`not ${overdueSql(today)}`);
  if (q.evaluationId) conds.push(eq(recommendations.evaluationId, q.evaluationId));
  if (q.year !== undefined) {
    const year = q.year === 0 ? sql`${evaluations.year} is null` : sql`${evaluations.year} = ${q.year}`;
    conds.push(
      sql`exists (select 1 from ${recommendations} join ${evaluations} on ${evaluations.id} = ${recommendations.evaluationId}
        where ${recommendations.id} = ${actions.recommendationId} and ${year})`,
    );
  }
  if (q.response) {
    const response =
      q.response === 'none'
        ? sql`${recommendations.response} is null`
        : sql`${recommendations.response} = ${q.response}`;
    conds.push(
      sql`exists (select 1 from ${recommendations} where ${recommendations.id} = ${actions.recommendationId} and ${response})`,
    );
  }
  return and(...conds)!;
}

const listColumns = (today: string) => ({
  id: actions.id,
  number: actions.number,
  text: actions.text,
  timeframe: actions.timeframe,
  dueFrom: actions.dueFrom,
  dueTo: actions.dueTo,
  dueInferred: actions.dueInferred,
  responsible: actions.responsible,
  fundingConditional: actions.fundingConditional,
  noActionNeeded: actions.noActionNeeded,
  status: actions.status,
  comments: actions.comments,
  overdue: overdueSql(today),
  evaluationId: evaluations.id,
  evaluationTitle: evaluations.title,
  recommendationNumber: recommendations.number,
  recommendationText: recommendations.text,
  priority: recommendations.priority,
  response: recommendations.response,
  practiceId: actions.practiceId,
  practiceTitle: practices.title,
  itemId: actions.itemId,
});

type ListRecord = Omit<ActionListRow, 'units'> & {
  comments: string | null;
  recommendationText: string | null;
  response: string | null;
};

function presentListRow(r: {
  id: string;
  number: string;
  text: string;
  timeframe: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  dueInferred: boolean;
  responsible: string | null;
  fundingConditional: boolean;
  noActionNeeded: boolean;
  status: string;
  comments: string | null;
  overdue: boolean;
  evaluationId: string | null;
  evaluationTitle: string | null;
  recommendationNumber: string | null;
  recommendationText: string | null;
  priority: number | null;
  response: string | null;
  practiceId: string | null;
  practiceTitle: string | null;
  itemId: string | null;
}): ListRecord {
  return {
    id: r.id,
    number: r.number,
    text: r.text,
    timeframe: r.timeframe,
    due: presentDue(r),
    responsible: r.responsible,
    fundingConditional: r.fundingConditional,
    noActionNeeded: r.noActionNeeded,
    status: r.status as ActionStatus,
    overdue: Boolean(r.overdue),
    evaluationId: r.evaluationId,
    evaluationTitle: r.evaluationTitle,
    recommendationNumber: r.recommendationNumber,
    priority: r.priority,
    comments: r.comments,
    recommendationText: r.recommendationText,
    response: r.response,
    practiceId: r.practiceId,
    practiceTitle: r.practiceTitle,
    itemId: r.itemId,
  };
}

/**
 * The cross-source action list ("what does my unit owe, and by when?"): filtered, sorted and
 * paginated in the database: two queries per page (the rows, and the total), whatever its size.
 */
export async function listActions(
  db: Db,
  organisationId: string,
  q: ActionListQuery & ActionFilters,
  today: string,
): Promise<ActionList> {
  const order = {
    due: [asc(dueOrder), asc(actions.id)],
    '-due': [desc(dueOrder), desc(actions.id)],
    evaluation: [
      asc(evaluations.title),
      asc(evaluations.id),
      asc(recommendations.position),
      asc(actions.position),
    ],
    priority: [sql`${recommendations.priority} asc nulls last`, asc(dueOrder), asc(actions.id)],
    status: [asc(actions.status), asc(dueOrder), asc(actions.id)],
  }[q.sort];
  const rows = await db
    .select(listColumns(today))
    .from(actions)
    .leftJoin(recommendations, eq(recommendations.id, actions.recommendationId))
    .leftJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
    .leftJoin(practices, eq(practices.id, actions.practiceId))
    .where(listConditions(organisationId, q, today))
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  // The total in a query of its own: a window count would build every matching joined row first.
  // It joins recommendations only when a filter reads them, and as the page does (left join), so
  // actions of other sources count too ("no priority" includes improvement actions).
  const needsRecommendation = q.priority !== undefined || q.evaluationId !== undefined;
  const counted = db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(actions);
  const [c] = await (needsRecommendation
    ? counted.leftJoin(recommendations, eq(recommendations.id, actions.recommendationId))
    : counted
  ).where(listConditions(organisationId, q, today));
  const total = c?.n ?? 0;
  const units = await linkedUnits(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const { comments: _c, recommendationText: _r, response: _s, ...row } = presentListRow(r);
      return { ...row, units: units.get(r.id) ?? [] };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Streams the filtered action list in the tracker's order (due date, then id), in batches read by
 * keyset, so an export of 100,000 actions holds one batch in memory at a time.
 */
export async function* streamActions(
  db: Db,
  organisationId: string,
  q: ActionFilters,
  today: string,
  batchSize = 2000,
): AsyncGenerator<ListRecord> {
  const batch = (after: { due: string; id: string } | null) =>
    db
      .select({ ...listColumns(today), dueKey: sql<string>`${dueOrder}::text` })
      .from(actions)
      .leftJoin(recommendations, eq(recommendations.id, actions.recommendationId))
      .leftJoin(evaluations, eq(evaluations.id, recommendations.evaluationId))
      .leftJoin(practices, eq(practices.id, actions.practiceId))
      .where(
        after
          ? and(
              listConditions(organisationId, q, today),
              sql`(${dueOrder}, ${actions.id}) > (${after.due}::date, ${after.id}::uuid)`,
            )
          : listConditions(organisationId, q, today),
      )
      .orderBy(asc(dueOrder), asc(actions.id))
      .limit(batchSize);
  let next = batch(null);
  for (;;) {
    const rows = await next;
    const last = rows[rows.length - 1];
    // Ask for the next batch before handing this one out: a database server reads while we write.
    if (rows.length === batchSize) next = batch({ due: last.dueKey, id: last.id });
    for (const r of rows) yield presentListRow(r);
    if (rows.length < batchSize) return;
  }
}
export type { ListRecord as ActionExportRow };
