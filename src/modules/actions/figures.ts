/**
 * The tracker's figures for the portfolio (portfolio/service.ts puts them together), counted by the
 * database: one query for the whole and the cuts by evaluation year, priority and management
 * response (grouping sets over the same rows), one for the cuts by responsible unit (an action
 * linked to two units counts once in each), one for the ageing of what is overdue, two for
 * actionability. Rows are never loaded into the app to be counted.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import {
  AGEING_BANDS,
  type Dashboard,
  type Portfolio,
  type PortfolioQuery,
  type PortfolioRow,
} from '../portfolio/model.js';
import { units } from '../units/schema.js';
import { CLOSED_STATUSES } from './model.js';
import { actions, actionUnits } from './schema.js';

const RESPONSE_ORDER = ['accepted', 'partially_accepted', 'rejected'];

interface Counts {
  actions: number;
  due: number;
  completed: number;
  overdue: number;
}

const rowsOf = async <T>(db: Db, query: SQL): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** The counted actions of an organisation (and period, and evaluation), with what they are cut by. */
function countedActions(organisationId: string, q: PortfolioQuery) {
  const conditions: SQL[] = [
    sql`${actions.organisationId} = ${organisationId}`,
    sql`${actions.deletedAt} is null`,
    sql`${evaluations.deletedAt} is null`,
    sql`not ${actions.noActionNeeded}`,
  ];
  if (q.from) conditions.push(sql`${actions.dueTo} >= ${q.from}::date`);
  if (q.to) conditions.push(sql`${actions.dueTo} <= ${q.to}::date`);
  if (q.evaluationId) conditions.push(sql`${evaluations.id} = ${q.evaluationId}`);
  return sql.join(conditions, sql` and `);
}

/** The four counts over the rows of `base`, as SQL select items. */
function countColumns(today: string) {
  const closed = sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const due = sql`(${actions.dueTo} is not null and ${actions.dueTo} <= ${today}::date)`;
  return sql`
    count(distinct ${actions.id})::int as actions,
    count(distinct ${actions.id}) filter (where ${due})::int as due,
    count(distinct ${actions.id}) filter (where ${due} and ${actions.status} = 'completed')::int as completed,
    count(distinct ${actions.id}) filter (
      where ${actions.dueTo} < ${today}::date and ${actions.status} not in (${closed})
    )::int as overdue`;
}

const toRow = (key: string | number | null, c: Counts): PortfolioRow => ({
  key,
  actions: c.actions,
  due: c.due,
  completed: c.completed,
  overdue: c.overdue,
  rate: c.due === 0 ? null : Math.round((c.completed / c.due) * 10_000) / 10_000,
});

const nullsLast =
  <T>(order: (a: T, b: T) => number) =>
  (a: { key: T | null }, b: { key: T | null }) =>
    a.key === null ? (b.key === null ? 0 : 1) : b.key === null ? -1 : order(a.key, b.key);

export async function portfolioFigures(
  db: Db,
  organisationId: string,
  q: PortfolioQuery,
  today: string,
): Promise<Portfolio> {
  const day = q.today ?? today;
  const where = countedActions(organisationId, q);
  const from = sql`${actions}
    join ${recommendations} on ${recommendations.id} = ${actions.recommendationId}
    join ${evaluations} on ${evaluations.id} = ${recommendations.evaluationId}`;
  const [cuts, byUnit] = await Promise.all([
    rowsOf<Counts & { year: number | null; priority: number | null; response: string | null; cut: number }>(
      db,
      sql`select ${evaluations.year} as year, ${recommendations.priority} as priority,
            ${recommendations.response} as response,
            grouping(${evaluations.year}, ${recommendations.priority}, ${recommendations.response})::int as cut,
            ${countColumns(day)}
          from ${from}
          where ${where}
          group by grouping sets ((), (${evaluations.year}), (${recommendations.priority}), (${recommendations.response}))`,
    ),
    rowsOf<Counts & { unit: string | null }>(
      db,
      sql`select ${units.name} as unit, ${countColumns(day)}
          from ${from}
          left join ${actionUnits} on ${actionUnits.actionId} = ${actions.id}
          left join ${units} on ${units.id} = ${actionUnits.unitId}
          where ${where}
          group by ${units.name}`,
    ),
  ]);
  // grouping(year, priority, response) is a bit mask: 7 = the whole, 3 = by year, 5 = by priority, 6 = by response.
  const cut = (mask: number) => cuts.filter((r) => r.cut === mask);
  const none: Counts = { actions: 0, due: 0, completed: 0, overdue: 0 };
  const overall = cut(7)[0] ?? none;
  const byNumber = (a: number, b: number) => a - b;
  return {
    overall: toRow(null, overall),
    byUnit: byUnit.map((r) => toRow(r.unit, r)).sort(nullsLast((a, b) => String(a).localeCompare(String(b)))),
    byYear: cut(3)
      .map((r) => toRow(r.year, r))
      .sort(nullsLast((a, b) => byNumber(Number(a), Number(b)))),
    byPriority: cut(5)
      .map((r) => toRow(r.priority, r))
      .sort(nullsLast((a, b) => byNumber(Number(a), Number(b)))),
    byResponse: cut(6)
      .map((r) => toRow(r.response, r))
      .sort(nullsLast((a, b) => RESPONSE_ORDER.indexOf(String(a)) - RESPONSE_ORDER.indexOf(String(b)))),
  };
}

/** How many counted actions are overdue by how long: 0–3, 3–6, 6–12, 12+ months past their due date. */
export async function overdueAgeing(
  db: Db,
  organisationId: string,
  q: PortfolioQuery,
  today: string,
): Promise<Dashboard['ageing']> {
  const day = q.today ?? today;
  const closed = sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const bands = await rowsOf<{ band: (typeof AGEING_BANDS)[number]; overdue: number }>(
    db,
    sql`select case
            when ${actions.dueTo} > ${day}::date - interval '3 months' then '0-3'
            when ${actions.dueTo} > ${day}::date - interval '6 months' then '3-6'
            when ${actions.dueTo} > ${day}::date - interval '12 months' then '6-12'
            else '12+' end as band,
          count(*)::int as overdue
        from ${actions}
        join ${recommendations} on ${recommendations.id} = ${actions.recommendationId}
        join ${evaluations} on ${evaluations.id} = ${recommendations.evaluationId}
        where ${countedActions(organisationId, q)}
          and ${actions.dueTo} < ${day}::date and ${actions.status} not in (${closed})
        group by 1`,
  );
  const byBand = new Map(bands.map((b) => [b.band, b.overdue]));
  return AGEING_BANDS.map((band) => ({ band, overdue: byBand.get(band) ?? 0 }));
}

/** How many counted actions name a linked unit and a due window: overall, per evaluation, per unit. */
export async function actionabilityOf(
  db: Db,
  organisationId: string,
  q: PortfolioQuery,
): Promise<Dashboard['actionability']> {
  const where = countedActions(organisationId, q);
  const linked = sql`exists (select 1 from ${actionUnits} where ${actionUnits.actionId} = ${actions.id})`;
  const [byEvaluation, byUnit] = await Promise.all([
    rowsOf<{ id: string | null; title: string | null; actions: number; actionable: number }>(
      db,
      sql`select ${evaluations.id} as id, ${evaluations.title} as title, count(*)::int as actions,
            count(*) filter (where ${actions.dueTo} is not null and ${linked})::int as actionable
          from ${actions}
          join ${recommendations} on ${recommendations.id} = ${actions.recommendationId}
          join ${evaluations} on ${evaluations.id} = ${recommendations.evaluationId}
          where ${where}
          group by grouping sets ((), (${evaluations.id}, ${evaluations.title}))`,
    ),
    rowsOf<{ key: string; actions: number; actionable: number }>(
      db,
      sql`select ${units.name} as key, count(*)::int as actions,
            count(*) filter (where ${actions.dueTo} is not null)::int as actionable
          from ${actions}
          join ${recommendations} on ${recommendations.id} = ${actions.recommendationId}
          join ${evaluations} on ${evaluations.id} = ${recommendations.evaluationId}
          join ${actionUnits} on ${actionUnits.actionId} = ${actions.id}
          join ${units} on ${units.id} = ${actionUnits.unitId}
          where ${where}
          group by ${units.name}
          order by ${units.name}`,
    ),
  ]);
  const overall = byEvaluation.find((r) => r.id === null) ?? { actions: 0, actionable: 0 };
  return {
    actions: overall.actions,
    actionable: overall.actionable,
    byEvaluation: byEvaluation
      .filter((r): r is typeof r & { id: string; title: string } => r.id !== null)
      .map((r) => ({ id: r.id, title: r.title, actions: r.actions, actionable: r.actionable }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    byUnit,
  };
}
