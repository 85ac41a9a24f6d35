/**
 * The tracker's figures for the portfolio (portfolio/service.ts puts them together), counted by the
 * database in two scans of the counted actions, however many figures:
 * - one for the whole and the cuts by evaluation year, priority, management response and
 *   evaluation (grouping sets over the same rows), with the ageing of what is overdue and how many
 *   actions are actionable (a linked unit and a due window);
 * - one for the cuts by responsible unit (an action linked to two units counts once in each).
 * Each action is one row of a cut, so plain counts do (no `count(distinct)`, which sorts every row:
 * five times slower at a million actions). Rows are never loaded into the app to be counted.
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
  actionable: number;
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

const closedList = () =>
  sql.join(
    CLOSED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );

/** The counts over the rows of a cut, as SQL select items; `actionable` as the caller counts it. */
function countColumns(today: string, actionable: SQL) {
  const due = sql`(${actions.dueTo} is not null and ${actions.dueTo} <= ${today}::date)`;
  return sql`
    count(*)::int as actions,
    count(*) filter (where ${due})::int as due,
    count(*) filter (where ${due} and ${actions.status} = 'completed')::int as completed,
    count(*) filter (where ${overdue(today)})::int as overdue,
    count(*) filter (where ${actionable})::int as actionable`;
}

const overdue = (today: string) =>
  sql`${actions.dueTo} < ${today}::date and ${actions.status} not in (${closedList()})`;

/** How long past its due date an overdue action is, in the bands of AGEING_BANDS, as SQL select items. */
function ageingColumns(today: string) {
  const older = (months: 3 | 6 | 12) =>
    sql`${actions.dueTo} <= ${today}::date - ${sql.raw(`interval '${months} months'`)}`;
  return sql`
    count(*) filter (where ${overdue(today)} and not ${older(3)})::int as age_0_3,
    count(*) filter (where ${overdue(today)} and ${older(3)} and not ${older(6)})::int as age_3_6,
    count(*) filter (where ${overdue(today)} and ${older(6)} and not ${older(12)})::int as age_6_12,
    count(*) filter (where ${overdue(today)} and ${older(12)})::int as age_12`;
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

interface Cut extends Counts {
  year: number | null;
  priority: number | null;
  response: string | null;
  evaluation_id: string | null;
  title: string | null;
  cut: number;
  age_0_3: number;
  age_3_6: number;
  age_6_12: number;
  age_12: number;
}

/** Every figure of the dashboard: the rates by cut, the ageing of what is overdue, actionability. */
export async function dashboardFigures(
  db: Db,
  organisationId: string,
  q: PortfolioQuery,
  today: string,
): Promise<Portfolio & Pick<Dashboard, 'ageing' | 'actionability'>> {
  const day = q.today ?? today;
  const where = countedActions(organisationId, q);
  const from = sql`${actions}
    join ${recommendations} on ${recommendations.id} = ${actions.recommendationId}
    join ${evaluations} on ${evaluations.id} = ${recommendations.evaluationId}`;
  const [cuts, byUnit] = await Promise.all([
    rowsOf<Cut>(
      db,
      sql`select ${evaluations.year} as year, ${recommendations.priority} as priority,
            ${recommendations.response} as response, ${evaluations.id} as evaluation_id,
            ${evaluations.title} as title,
            grouping(${evaluations.year}, ${recommendations.priority}, ${recommendations.response}, ${evaluations.id})::int as cut,
            ${countColumns(day, sql`${actions.dueTo} is not null and linked.action_id is not null`)},
            ${ageingColumns(day)}
          from ${from}
          left join (select distinct ${actionUnits.actionId} as action_id from ${actionUnits}) linked
            on linked.action_id = ${actions.id}
          where ${where}
          group by grouping sets ((), (${evaluations.year}), (${recommendations.priority}),
            (${recommendations.response}), (${evaluations.id}, ${evaluations.title}))`,
    ),
    rowsOf<Counts & { unit: string | null }>(
      db,
      sql`select ${units.name} as unit, ${countColumns(day, sql`${actions.dueTo} is not null`)}
          from ${from}
          left join ${actionUnits} on ${actionUnits.actionId} = ${actions.id}
          left join ${units} on ${units.id} = ${actionUnits.unitId}
          where ${where}
          group by ${units.name}`,
    ),
  ]);
  // grouping(year, priority, response, evaluation) is a bit mask: 15 = the whole, 7 = by year,
  // 11 = by priority, 13 = by response, 14 = by evaluation.
  const cut = (mask: number) => cuts.filter((r) => r.cut === mask);
  const none = {
    actions: 0,
    due: 0,
    completed: 0,
    overdue: 0,
    actionable: 0,
    age_0_3: 0,
    age_3_6: 0,
    age_6_12: 0,
    age_12: 0,
  };
  const overall = cut(15)[0] ?? none;
  const byNumber = (a: number, b: number) => a - b;
  const ages = [overall.age_0_3, overall.age_3_6, overall.age_6_12, overall.age_12];
  return {
    overall: toRow(null, overall),
    byUnit: byUnit.map((r) => toRow(r.unit, r)).sort(nullsLast((a, b) => String(a).localeCompare(String(b)))),
    byYear: cut(7)
      .map((r) => toRow(r.year, r))
      .sort(nullsLast((a, b) => byNumber(Number(a), Number(b)))),
    byPriority: cut(11)
      .map((r) => toRow(r.priority, r))
      .sort(nullsLast((a, b) => byNumber(Number(a), Number(b)))),
    byResponse: cut(13)
      .map((r) => toRow(r.response, r))
      .sort(nullsLast((a, b) => RESPONSE_ORDER.indexOf(String(a)) - RESPONSE_ORDER.indexOf(String(b)))),
    ageing: AGEING_BANDS.map((band, i) => ({ band, overdue: ages[i] })),
    actionability: {
      actions: overall.actions,
      actionable: overall.actionable,
      byEvaluation: cut(14)
        .map((r) => ({
          id: r.evaluation_id as string,
          title: r.title as string,
          actions: r.actions,
          actionable: r.actionable,
        }))
        .sort((a, b) => a.title.localeCompare(b.title)),
      // Per unit, the actions linked to it (those with no unit are the gap itself, counted overall).
      byUnit: byUnit
        .filter((r): r is typeof r & { unit: string } => r.unit !== null)
        .map((r) => ({ key: r.unit, actions: r.actions, actionable: r.actionable }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    },
  };
}

/** The rates by cut alone (the CLI's `report portfolio`). */
export async function portfolioFigures(
  db: Db,
  organisationId: string,
  q: PortfolioQuery,
  today: string,
): Promise<Portfolio> {
  const { ageing: _a, actionability: _b, ...figures } = await dashboardFigures(db, organisationId, q, today);
  return figures;
}
