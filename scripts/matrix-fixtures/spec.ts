/**
 * What a matrix fixture is made of: its content as a careful person reads it (the truth), with
 * the few facts about how the document writes it (numbers left out, a timeframe written inside
 * the action sentence, a priority written as a range, instruction text left in a cell), and how
 * the truth, as an `ImportedEvaluation`, follows from it.
 */
import { type DueWindow, parseTimeframe } from '../../src/lib/parseTimeframe.js';
import type { ActionStatus } from '../../src/modules/actions/model.js';
import type { Habit, Language } from '../../src/modules/evaluations/import/fixtures/matrices/index.js';
import type { ImportedEvaluation, Response } from '../../src/modules/evaluations/model.js';
import type { Layout } from './build.js';

export interface ActionSpec {
  /** The number as written; absent: the document does not number the action. */
  number?: string;
  /** Paragraphs separated by "\n"; "¬" marks an optional hyphen (not part of the reading). */
  text: string;
  timeframe?: string;
  responsible?: string;
  /**
   * The timeframe and unit written inside the action sentence instead of their own cells:
   * "text, timeframe – unit", "text (timeframe, unit)" or "text – timeframe – unit".
   */
  inline?: 'comma' | 'brackets' | 'dash';
  status?: ActionStatus;
  /** The status as the document words it, when not the template's usual word. */
  statusWritten?: string;
  comments?: string;
  /** The template's instruction text left in the empty comments cell (read as nothing). */
  instructions?: boolean;
  fundingConditional?: boolean;
  /** A person's reading of the timeframe where parseTimeframe reads it otherwise (see make.ts). */
  due?: DueWindow | null;
}

export interface RecSpec {
  /** The number as written ("3", "B", "IV"); absent: the recommendation is not numbered. */
  number?: string;
  text: string;
  addressedTo?: string;
  priority?: number;
  /** The priority as written when it is not the bare number: "2-3", "1 (high)". */
  priorityWritten?: string;
  priorityJustification?: string;
  response: Response | null;
  /** The response as written after its label, without struck or deleted options. */
  responseText?: string;
  /** 2022 template: the recommendation's status. */
  status?: 'open' | 'discarded' | 'completed';
  statusWritten?: string;
  comments?: string;
  actions: ActionSpec[];
}

export interface MatrixSpec {
  name: string;
  language: Language;
  habits: Habit[];
  /** One line on what the file is, for the README. */
  summary: string;
  statusTemplate: 'classic' | '2022';
  title: string;
  year: number;
  period?: string;
  evaluators?: string;
  owner?: string;
  /** ISO date of the management response. */
  publishedOn?: string;
  overallComment?: string;
  recommendations: RecSpec[];
  layout: () => Layout;
  /** Things the generator verifies in the PDF LibreOffice made (see make.ts). */
  checks?: {
    /** Text items of the PDF that must start a line (a cross-reference wrapped to a new line). */
    lineStarts?: string[];
  };
}

/** Text as read: optional hyphens gone, French non-breaking spaces as plain spaces, trimmed. */
export const plain = (s: string): string =>
  s
    .replace(/¬/g, '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .trim();

export const recNumber = (r: RecSpec, i: number): string => r.number ?? String(i + 1);
export const actionNumber = (r: RecSpec, i: number, a: ActionSpec, k: number): string =>
  a.number ?? `${recNumber(r, i)}.${k + 1}`;

export interface Reading {
  where: string;
  timeframe: string;
  parsed: DueWindow | null;
  used: DueWindow | null;
  parsedFunding: boolean;
  funding: boolean;
}

/** The evaluation a careful person reads from the document, and parseTimeframe's readings met on the way. */
export function expectedOf(m: MatrixSpec): { evaluation: ImportedEvaluation; readings: Reading[] } {
  const readings: Reading[] = [];
  const evaluation: ImportedEvaluation = {
    title: plain(m.title),
    year: m.year,
    period: m.period ?? null,
    evaluators: m.evaluators ? plain(m.evaluators) : null,
    owner: m.owner ? plain(m.owner) : null,
    publishedOn: m.publishedOn ?? null,
    overallComment: m.overallComment ? plain(m.overallComment) : null,
    statusTemplate: m.statusTemplate,
    notes: [],
    recommendations: m.recommendations.map((r, i) => ({
      number: recNumber(r, i),
      text: plain(r.text),
      addressedTo: r.addressedTo ? plain(r.addressedTo) : null,
      priority: r.priority ?? null,
      priorityJustification: r.priorityJustification ? plain(r.priorityJustification) : null,
      response: r.response,
      responseText: r.responseText ? plain(r.responseText) : null,
      status: r.status ?? null,
      comments: r.comments ? plain(r.comments) : null,
      notes: [],
      actions: r.actions.map((a, k) => {
        const number = actionNumber(r, i, a, k);
        const reading = parseTimeframe(a.timeframe ?? null, {
          year: m.year,
          referenceDate: m.publishedOn ?? null,
        });
        const used = a.due !== undefined ? a.due : reading.due;
        if (a.timeframe)
          readings.push({
            where: `${m.name} ${number}`,
            timeframe: a.timeframe,
            parsed: reading.due,
            used,
            parsedFunding: reading.fundingConditional,
            funding: a.fundingConditional ?? false,
          });
        if (reading.fundingConditional && !a.fundingConditional)
          throw new Error(
            `${m.name} ${number}: the timeframe names a funding condition; say fundingConditional`,
          );
        return {
          number,
          text: plain(a.text),
          timeframe: a.timeframe ? plain(a.timeframe) : null,
          due: used,
          // The unit of the row, else (nothing written anywhere for the action) the recommendation's.
          responsible: a.responsible ? plain(a.responsible) : r.addressedTo ? plain(r.addressedTo) : null,
          fundingConditional: a.fundingConditional ?? false,
          status: a.status ?? null,
          comments: a.comments ? plain(a.comments) : null,
        };
      }),
    })),
  };
  return { evaluation, readings };
}
