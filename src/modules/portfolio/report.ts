/**
 * The report for management: the dashboard's figures for a chosen period as a document to hand on —
 * a cover summary, the tables by unit, year, priority and response, the ageing of what is overdue,
 * and the overdue actions by responsible unit — in the reader's language. This file gathers it and
 * says it in words; reportFiles.ts lays it out as .docx, .xlsx or PDF.
 */
import type { Db } from '../../db/client.js';
import type { Words } from '../../lib/words.js';
import { streamActions } from '../actions/list.js';
import type { Dashboard, PortfolioQuery, PortfolioRow } from './model.js';
import { dashboard } from './service.js';

/** At most this many overdue actions are listed; the report says how many more there are. */
export const MAX_LISTED_OVERDUE = 1000;

export interface ReportTable {
  title: string;
  headers: string[];
  rows: (string | number)[][];
}

export interface OverdueGroup {
  unit: string;
  rows: { evaluation: string; number: string; text: string; dueBy: string; status: string }[];
}

export interface ManagementReport {
  title: string;
  organisation: string;
  /** "1 January 2025 – 31 December 2025", or "All periods"; and the day the figures were taken. */
  period: string;
  takenOn: string;
  summary: string[];
  tables: ReportTable[];
  overdueTitle: string;
  overdueHeaders: string[];
  overdue: OverdueGroup[];
  /** Overdue actions not listed (beyond MAX_LISTED_OVERDUE). */
  notListed: string | null;
}

const percent = (rate: number | null, w: Words) =>
  rate === null ? '—' : new Intl.NumberFormat(w.language, { style: 'percent' }).format(rate);

function table(
  title: string,
  keyHeader: string,
  rows: PortfolioRow[],
  keyWords: (k: PortfolioRow['key']) => string,
  w: Words,
): ReportTable {
  const h = (k: string) => w.t(`report.column.${k}`);
  return {
    title,
    headers: [keyHeader, h('actions'), h('due'), h('completed'), h('overdue'), h('rate')],
    rows: rows.map((r) => [keyWords(r.key), r.actions, r.due, r.completed, r.overdue, percent(r.rate, w)]),
  };
}

export async function managementReport(
  db: Db,
  organisation: { id: string; name: string },
  q: PortfolioQuery,
  today: string,
  w: Words,
): Promise<ManagementReport> {
  const day = q.today ?? today;
  const d: Dashboard = await dashboard(db, organisation.id, q, today);
  const t = w.t;
  const o = d.overall;
  const longOverdue = d.ageing.find((a) => a.band === '12+')?.overdue ?? 0;
  const summary = [
    t('report.summary.rate', { completed: o.completed, due: o.due, rate: percent(o.rate, w) }),
    t('report.summary.overdue', { overdue: o.overdue, long: longOverdue }),
    t('report.summary.actionable', {
      share: percent(
        d.actionability.actions ? d.actionability.actionable / d.actionability.actions : null,
        w,
      ),
      count: d.actionability.actions,
    }),
  ];
  const none = t('report.none');
  const tables: ReportTable[] = [
    table(t('report.overall'), '', [{ ...o, key: t('report.allActions') }], (k) => String(k), w),
    table(t('report.byUnit'), t('report.column.unit'), d.byUnit, (k) => (k === null ? none : String(k)), w),
    table(t('report.byYear'), t('report.column.year'), d.byYear, (k) => (k === null ? none : String(k)), w),
    table(
      t('report.byPriority'),
      t('report.column.priority'),
      d.byPriority,
      (k) => (k === null ? none : String(k)),
      w,
    ),
    table(
      t('report.byResponse'),
      t('report.column.response'),
      d.byResponse,
      (k) => (k === null ? t('response.none') : (w.response(String(k)) ?? none)),
      w,
    ),
    {
      title: t('report.ageing'),
      headers: [t('report.column.band'), t('report.column.overdue')],
      rows: d.ageing.map((a) => [
        t(`report.band.${a.band.replace('+', 'plus').replace('-', 'to')}`),
        a.overdue,
      ]),
    },
  ];
  // The overdue actions of the period, by the unit responsible as the matrix writes it.
  const groups = new Map<string, OverdueGroup>();
  let listed = 0;
  const filters = {
    overdue: 'true' as const,
    dueAfter: q.from,
    dueBefore: q.to,
    evaluationId: q.evaluationId,
  };
  for await (const a of streamActions(db, organisation.id, filters, day)) {
    if (!a.evaluationId) continue;
    if (listed === MAX_LISTED_OVERDUE) break;
    listed++;
    const unit = a.responsible?.trim() || t('report.noUnit');
    const group = groups.get(unit) ?? { unit, rows: [] };
    group.rows.push({
      evaluation: a.evaluationTitle ?? '',
      number: a.number,
      text: a.text,
      dueBy: a.due ? w.date(a.due.to) : '—',
      status: w.status(a.status) ?? '',
    });
    groups.set(unit, group);
  }
  const more = o.overdue - listed;
  return {
    title: t('report.title'),
    organisation: organisation.name,
    period:
      q.from || q.to
        ? t('report.period', { from: q.from ? w.date(q.from) : '…', to: q.to ? w.date(q.to) : '…' })
        : t('report.allPeriods'),
    takenOn: t('report.takenOn', { date: w.date(day) }),
    summary,
    tables,
    overdueTitle: t('report.overdueByUnit'),
    overdueHeaders: ['evaluation', 'number', 'text', 'dueBy', 'status'].map((k) => t(`report.column.${k}`)),
    overdue: [...groups.values()].sort(
      (a, b) => b.rows.length - a.rows.length || a.unit.localeCompare(b.unit),
    ),
    notListed: more > 0 ? t('report.notListed', { more }) : null,
  };
}
