/**
 * The flat layout of a matrix for spreadsheets: one row per action carrying its recommendation's
 * columns (a recommendation without actions still gets one row). Shared by .xlsx and .csv.
 */
import type { Column } from '../../../lib/spreadsheet.js';
import type { Matrix } from '../model.js';

export interface ExportRow {
  evaluation: string | null;
  recommendationNumber: string | null;
  recommendation: string | null;
  addressedTo: string | null;
  priority: number | null;
  priorityJustification: string | null;
  response: string | null;
  responseText: string | null;
  recommendationStatus: string | null;
  actionNumber: string | null;
  action: string | null;
  timeframe: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  dueInferred: boolean | null;
  responsible: string | null;
  fundingConditional: boolean | null;
  status: string | null;
  overdue: boolean | null;
  comments: string | null;
  progress: string | null;
}

const LAYOUT: { key: keyof ExportRow; header: string; width: number }[] = [
  { key: 'evaluation', header: 'Evaluation', width: 30 },
  { key: 'recommendationNumber', header: 'Recommendation no.', width: 8 },
  { key: 'recommendation', header: 'Recommendation', width: 50 },
  { key: 'addressedTo', header: 'Recommendation to', width: 25 },
  { key: 'priority', header: 'Priority (1 to 3)', width: 8 },
  { key: 'priorityJustification', header: 'Priority justification', width: 25 },
  { key: 'response', header: 'Management response', width: 15 },
  { key: 'responseText', header: 'Management response text', width: 50 },
  { key: 'recommendationStatus', header: 'Recommendation status', width: 12 },
  { key: 'actionNumber', header: 'Action no.', width: 8 },
  { key: 'action', header: 'Key action', width: 50 },
  { key: 'timeframe', header: 'Timeframe or deadline', width: 20 },
  { key: 'dueFrom', header: 'Due from', width: 12 },
  { key: 'dueTo', header: 'Due by', width: 12 },
  { key: 'dueInferred', header: 'Due window inferred', width: 8 },
  { key: 'responsible', header: 'Responsible unit(s)', width: 25 },
  { key: 'fundingConditional', header: 'Subject to funding', width: 8 },
  { key: 'status', header: 'Status', width: 15 },
  { key: 'overdue', header: 'Overdue', width: 8 },
  { key: 'comments', header: 'Comments or action taken', width: 40 },
  { key: 'progress', header: 'Progress updates', width: 50 },
];

/** The matrix columns, in the order evaluation offices read them. */
export const MATRIX_COLUMNS: Column<ExportRow>[] = LAYOUT.map(({ key, header, width }) => ({
  header,
  width,
  value: (row) => row[key],
}));

type Update = Matrix['recommendations'][number]['actions'][number]['updates'][number];

/** A progress history as lines: "2026-03-01 – Ana Ruiz: pilot started (initiated → completed)". */
export function formatUpdates(updates: Update[]): string | null {
  if (updates.length === 0) return null;
  return updates
    .map((u) => {
      const change = u.statusTo ? ` (${u.statusFrom ?? '—'} → ${u.statusTo})` : '';
      return `${u.recordedOn} – ${u.author}: ${u.comment ?? ''}${change}`.replace(/: \(/, ': (');
    })
    .join('\n');
}

export function* matrixRows(m: Matrix): Generator<ExportRow> {
  for (const r of m.recommendations) {
    const base = {
      evaluation: m.title,
      recommendationNumber: r.number,
      recommendation: r.text,
      addressedTo: r.addressedTo,
      priority: r.priority,
      priorityJustification: r.priorityJustification,
      response: r.response,
      responseText: r.responseText,
      recommendationStatus: r.status,
    };
    if (r.actions.length === 0) {
      yield {
        ...base,
        actionNumber: null,
        action: null,
        timeframe: null,
        dueFrom: null,
        dueTo: null,
        dueInferred: null,
        responsible: null,
        fundingConditional: null,
        status: null,
        overdue: null,
        comments: null,
        progress: null,
      };
    }
    for (const a of r.actions) {
      yield {
        ...base,
        actionNumber: a.number,
        action: a.text,
        timeframe: a.timeframe,
        dueFrom: a.due?.from ?? null,
        dueTo: a.due?.to ?? null,
        dueInferred: a.due ? a.due.inferred : null,
        responsible: a.responsible,
        fundingConditional: a.fundingConditional,
        status: a.status,
        overdue: a.overdue,
        comments: a.comments,
        progress: formatUpdates(a.updates),
      };
    }
  }
}
