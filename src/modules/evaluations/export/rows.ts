/**
 * The flat layout of a matrix for spreadsheets: one row per action carrying its recommendation's
 * columns (a recommendation without actions still gets one row). Shared by .xlsx and .csv, in the
 * reader's language (headers, statuses, responses, yes/no, dates), with code columns beside the words.
 */
import type { Column } from '../../../lib/spreadsheet.js';
import { type Words, wordsFor } from '../../../lib/words.js';
import type { Matrix } from '../model.js';

export interface ExportRow {
  evaluation: string | null;
  recommendationNumber: string | null;
  recommendation: string | null;
  addressedTo: string | null;
  priority: number | null;
  priorityJustification: string | null;
  response: string | null;
  responseCode: string | null;
  responseText: string | null;
  recommendationStatus: string | null;
  recommendationStatusCode: string | null;
  actionNumber: string | null;
  action: string | null;
  timeframe: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  dueInferred: string | null;
  responsible: string | null;
  fundingConditional: string | null;
  noActionNeeded: string | null;
  status: string | null;
  statusCode: string | null;
  overdue: string | null;
  comments: string | null;
  progress: string | null;
}

const LAYOUT: { key: keyof ExportRow; width: number }[] = [
  { key: 'evaluation', width: 30 },
  { key: 'recommendationNumber', width: 8 },
  { key: 'recommendation', width: 50 },
  { key: 'addressedTo', width: 25 },
  { key: 'priority', width: 8 },
  { key: 'priorityJustification', width: 25 },
  { key: 'response', width: 15 },
  { key: 'responseCode', width: 12 },
  { key: 'responseText', width: 50 },
  { key: 'recommendationStatus', width: 12 },
  { key: 'recommendationStatusCode', width: 12 },
  { key: 'actionNumber', width: 8 },
  { key: 'action', width: 50 },
  { key: 'timeframe', width: 20 },
  { key: 'dueFrom', width: 12 },
  { key: 'dueTo', width: 12 },
  { key: 'dueInferred', width: 8 },
  { key: 'responsible', width: 25 },
  { key: 'fundingConditional', width: 8 },
  { key: 'noActionNeeded', width: 8 },
  { key: 'status', width: 15 },
  { key: 'statusCode', width: 12 },
  { key: 'overdue', width: 8 },
  { key: 'comments', width: 40 },
  { key: 'progress', width: 50 },
];

/** The matrix columns, in the order evaluation offices read them, headed in the reader's language. */
export const matrixColumns = (words: Words = wordsFor('en')): Column<ExportRow>[] =>
  LAYOUT.map(({ key, width }) => ({ header: words.header(key), width, value: (row) => row[key] }));

type Update = Matrix['recommendations'][number]['actions'][number]['updates'][number];

/** A progress history as lines: "1 March 2026 – Ana Ruiz: pilot started (Initiated → Completed)". */
export function formatUpdates(updates: Update[], words: Words = wordsFor('en')): string | null {
  if (updates.length === 0) return null;
  return updates
    .map((u) => {
      const change = u.statusTo
        ? ` (${words.status(u.statusFrom) ?? '—'} → ${words.status(u.statusTo)})`
        : '';
      return `${words.date(u.recordedOn)} – ${u.author}: ${u.comment ?? ''}${change}`.replace(/: \(/, ': (');
    })
    .join('\n');
}

export function* matrixRows(m: Matrix, words: Words = wordsFor('en')): Generator<ExportRow> {
  const { response: responseInWords, status: statusInWords, yesNo } = words;
  for (const r of m.recommendations) {
    const base = {
      evaluation: m.title,
      recommendationNumber: r.number,
      recommendation: r.text,
      addressedTo: r.addressedTo,
      priority: r.priority,
      priorityJustification: r.priorityJustification,
      response: responseInWords(r.response),
      responseCode: r.response,
      responseText: r.responseText,
      recommendationStatus: statusInWords(r.status),
      recommendationStatusCode: r.status,
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
        noActionNeeded: null,
        status: null,
        statusCode: null,
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
        dueInferred: a.due ? yesNo(a.due.inferred) : null,
        responsible: a.responsible,
        fundingConditional: yesNo(a.fundingConditional),
        noActionNeeded: yesNo(a.noActionNeeded),
        status: statusInWords(a.status),
        statusCode: a.status,
        overdue: yesNo(a.overdue),
        comments: a.comments,
        progress: formatUpdates(a.updates, words),
      };
    }
  }
}
