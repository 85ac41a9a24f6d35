/**
 * Reads the timeframe column of a management response matrix ("Q2 to Q4", "By end of June 2023",
 * "(2025 – 2026 subject to availability of funds)", "T2 2025", "en continu", "a finales de 2024") into a
 * due window, in English, French, Spanish and Italian (the words are in timeframeWords.ts).
 * Anything it cannot read gets no due window and a reason, never a guessed date: a timeframe
 * relative to the project's start or another undated event ("1 à 3 mois après le début du projet")
 * is unreadable, as the matrix does not say when that was.
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfQuarter } from 'date-fns/endOfQuarter';
import { endOfYear } from 'date-fns/endOfYear';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { foldText } from './text.js';
import {
  AROUND_EVENT,
  DEADLINE_LEAD,
  DURATION,
  DURING,
  EARLY,
  END_OF,
  FROM_OR_START,
  FUNDING,
  FUNDING_CLAUSE,
  FUNDING_TAIL,
  MIDDLE,
  MONTHS,
  NO_DEADLINE,
  NO_DEADLINE_ANYWHERE,
  ONWARDS,
  ORDINALS,
  PROJECT,
  PROJECT_START,
  RANGE_SEP,
  STARTS,
  TO_BE_DECIDED,
} from './timeframeWords.js';

export { mentionsFundingCondition } from './timeframeWords.js';

export interface DueWindow {
  /** First day of the window (YYYY-MM-DD), or null for a plain deadline ("by end of 2025"). */
  from: string | null;
  /** Last day of the window (YYYY-MM-DD): the deadline. */
  to: string;
  /** True when part of the window (usually the year) was taken from context, not from the text. */
  inferred: boolean;
}

export interface TimeframeReading {
  due: DueWindow | null;
  fundingConditional: boolean;
  /** window: dates read; none: understood as having no deadline (N/A, ongoing); unreadable: not understood. */
  kind: 'window' | 'none' | 'unreadable';
  /** Why no due window was set, when kind is unreadable: in English, and as a code for other languages. */
  problem?: string;
  problemCode?: TimeframeProblem;
}

/** Why a timeframe gives no due window, by code (the web says it in the reader's language). */
export const TIMEFRAME_PROBLEMS = {
  notSet: 'no deadline has been set yet',
  projectStart: 'it is relative to the start of the project, which the matrix does not date',
  event: 'it is relative to an event that the matrix does not date',
  noReference: 'a relative timeframe needs the date of the management response',
  startOnly: 'it says when the action starts, not when it is due',
  noYear: 'the timeframe names no year and the evaluation year is unknown',
  unread: 'the timeframe could not be read as a date or period',
} as const;
export type TimeframeProblem = keyof typeof TIMEFRAME_PROBLEMS;

export interface TimeframeContext {
  /** Year of the evaluation, used for timeframes that name no year ("Q2 to Q4"). */
  year?: number | null;
  /** Date the matrix was published/signed, used for relative timeframes ("within 6 months"). */
  referenceDate?: string | null;
}

type Point = { start: Date; end: Date; hasYear: boolean };

const fmt = (d: Date) => format(d, 'yyyy-MM-dd');

/** Parses one period expression ("Q2 2022", "June", "second half of 2023", "2025") without a range. */
function readPoint(raw: string, year: number | null): Point | null {
  const s = raw.trim().replace(/^(?:(?:the|la|le|il|el)\s+|l'\s*)/, '');
  let m: RegExpMatchArray | null;
  const withYear = (y: string | undefined) => (y ? Number(y.length === 2 ? `20${y}` : y) : year);
  // ISO date 2023-06-30
  m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (m) {
    const d = parse(s, 'yyyy-MM-dd', new Date());
    return isValid(d) ? { start: d, end: d, hasYear: true } : null;
  }
  // 30/06/2023, 30.06.2023 (day first, as in the offices that write these matrices)
  m = s.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/);
  if (m) {
    const d = new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
    if (d.getMonth() !== Number(m[2]) - 1) return null;
    return { start: d, end: d, hasYear: true };
  }
  // Q2 2022, Q2, T2 2025, Q2/2022, 2022 Q2, 2nd quarter 2022, premier trimestre 2025
  m =
    s.match(/^(?:q|t)([1-4])(?:\s*(?:[/-]|of)?\s*(\d{4}|\d{2}))?$/) ??
    s.match(/^(\d{4})\s*[-/]?\s*(?:q|t)([1-4])$/);
  if (m) {
    const [q, y] = /^\d{4}/.test(m[1]) ? [Number(m[2]), m[1]] : [Number(m[1]), m[2]];
    const yr = withYear(y);
    if (yr == null) return null;
    const start = new Date(yr, (q - 1) * 3, 1);
    return { start, end: endOfQuarter(start), hasYear: !!y };
  }
  m = s.match(/^(\w+)\s+(?:quarter|trimestre)(?:\s+(?:of\s+|de\s+|del\s+|di\s+)?(\d{4}))?$/);
  if (m) {
    const q = ORDINALS[m[1]];
    const yr = withYear(m[2]);
    if (!q || yr == null) return null;
    const start = new Date(yr, (q - 1) * 3, 1);
    return { start, end: endOfQuarter(start), hasYear: !!m[2] };
  }
  // H2 2023, S1 2024, second half of 2023, premier semestre 2024, mid-2023
  m =
    s.match(/^(?:h|s)([12])(?:\s*[/-]?\s*(\d{4}))?$/) ??
    s.match(/^(\w+)\s+(?:half|semestre|semester|mitad|meta)(?:\s+(?:of\s+|de\s+|del\s+|di\s+)?(\d{4}))?$/);
  if (m) {
    const h = /^\d$/.test(m[1]) ? Number(m[1]) : ORDINALS[m[1]];
    const yr = withYear(m[2]);
    if ((h !== 1 && h !== 2 && h !== 4) || yr == null) return null;
    const half = h === 4 ? 2 : h;
    const start = new Date(yr, (half - 1) * 6, 1);
    return { start, end: endOfMonth(addMonths(start, 5)), hasYear: !!m[2] };
  }
  // 15 March 2023, March 15 2023, March 2023, March, mars 2025, 30 de junio de 2024, ene. 2025
  m = s.match(/^(\d{1,2})(?:st|nd|rd|th|er|o)?\s+(?:de\s+)?([a-z]+)\.?(?:\s+(?:de\s+|del\s+)?(\d{4}))?$/);
  if (m) {
    const mo = MONTHS[m[2]];
    const yr = withYear(m[3]);
    if (mo === undefined || yr == null) return null;
    const d = new Date(yr, mo, Number(m[1]));
    if (d.getMonth() !== mo) return null;
    return { start: d, end: d, hasYear: !!m[3] };
  }
  m = s.match(/^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/);
  if (m) {
    const mo = MONTHS[m[1]];
    if (mo === undefined) return null;
    const d = new Date(Number(m[3]), mo, Number(m[2]));
    if (d.getMonth() !== mo) return null;
    return { start: d, end: d, hasYear: true };
  }
  m = s.match(/^([a-z]+)\.?(?:\s+(?:of\s+|de\s+|del\s+|di\s+)?(\d{4}))?$/);
  if (m) {
    const mo = MONTHS[m[1]];
    const yr = withYear(m[2]);
    if (mo === undefined || yr == null) return null;
    const start = new Date(yr, mo, 1);
    return { start, end: endOfMonth(start), hasYear: !!m[2] };
  }
  // 2025
  m = s.match(/^(\d{4})$/);
  if (m) {
    const start = new Date(Number(m[1]), 0, 1);
    return { start, end: endOfYear(start), hasYear: true };
  }
  return null;
}

/** Re-reads a point that lacked a year with the year of the other end of a range. */
function withYearFrom(raw: string, point: Point, other: Point, isStart: boolean): Point | null {
  if (point.hasYear) return point;
  let yr = other.start.getFullYear();
  let p = readPoint(raw, yr);
  // "November to March 2024": the start lies in the previous year.
  if (p && isStart && p.start > other.end) p = readPoint(raw, --yr);
  return p ? { ...p, hasYear: true } : null;
}

function readRange(s: string, ctxYear: number | null): { from: Date; to: Date; inferred: boolean } | null {
  const single = readPoint(s, ctxYear);
  if (single) return { from: single.start, to: single.end, inferred: !single.hasYear };
  // Try each separator position so that "2025 – 2026" and "Q3 2023 – Q1 2024" split right. A range
  // has few; past a dozen it is no range, and reading both sides at each of thousands is quadratic.
  const re = new RegExp(RANGE_SEP.source, 'g');
  let tries = 0;
  for (const sep of s.matchAll(re)) {
    if (++tries > 12) break;
    const left = s.slice(0, sep.index).replace(FROM_OR_START, '').trim();
    const right = s.slice((sep.index ?? 0) + sep[0].length).trim();
    if (!left || !right) continue;
    let a = readPoint(left, null);
    let b = readPoint(right, null);
    if (a && b) {
      // both have their years
    } else if (a && !b) {
      const bb = readPoint(right, a.start.getFullYear());
      if (!bb) continue;
      b = bb.start < a.start ? readPoint(right, a.start.getFullYear() + 1) : bb;
      if (b) b = { ...b, hasYear: true };
    } else if (!a && b) {
      const aa = readPoint(left, b.start.getFullYear());
      if (!aa) continue;
      a = withYearFrom(left, aa, b, true);
    } else {
      if (ctxYear == null) continue;
      const aa = readPoint(left, ctxYear);
      const bb = readPoint(right, ctxYear);
      if (!aa || !bb) continue;
      const b2 = bb.start < aa.start ? readPoint(right, ctxYear + 1) : bb;
      if (!b2) continue;
      return { from: aa.start, to: b2.end, inferred: true };
    }
    if (!a || !b) continue;
    if (b.end < a.start) return null;
    const inferred = !readPoint(left, null)?.hasYear && !readPoint(right, null)?.hasYear;
    return { from: a.start, to: b.end, inferred };
  }
  return null;
}

const START_LAST = new RegExp(`${PROJECT_START.source}$`);
const DANGLING = /^(?:[-–—.;,:]*|and|et|y|e|but|mais|pero|ma|or|ou|o)$/;

/** The timeframe without its funding condition: "Q2 2025, subject to funding" → "Q2 2025". */
function withoutFunding(s: string): string {
  const t = s.replace(FUNDING_CLAUSE, (_all, rest: string) => {
    const r = rest.replace(FUNDING_TAIL, '');
    // The rest of the condition's clause stays only when it holds a date ("sujeto a financiación en 2025").
    const dated = /\d/.test(r) || r.split(' ').some((w) => MONTHS[w.replace(/\.$/, '')] !== undefined);
    return dated ? ` ${r} ` : ' ';
  });
  // Word by word from both ends (a regex retried from every position would be quadratic).
  const words = t.split(' ');
  let i = 0;
  let j = words.length;
  while (i < j && DANGLING.test(words[i])) i++;
  while (j > i && DANGLING.test(words[j - 1])) j--;
  return words
    .slice(i, j)
    .join(' ')
    .replace(/(?<![.;,:-])[.;,:-]+$/, '')
    .trim();
}

/** The point is one whole month ("juin 2025"), not a day, quarter or year. */
const isMonth = (p: Point) =>
  p.start.getDate() === 1 && p.start.getMonth() === p.end.getMonth() && p.end.getDate() > 27;

/** Reads a timeframe as written in a matrix. */
export function parseTimeframe(
  written: string | null | undefined,
  ctx: TimeframeContext = {},
): TimeframeReading {
  const year = ctx.year ?? null;
  let s = foldText(written ?? '')
    .replace(/[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // (?<!…): a match starts only where a run starts; without it a long run is quadratic.
    .replace(/(?<![.;,:])[.;,:]+$/, '')
    .trim();
  const fundingConditional = FUNDING.test(s);
  if (fundingConditional) s = withoutFunding(s);
  const window = (from: string | null, to: string, inferred: boolean): TimeframeReading => ({
    due: { from, to, inferred },
    fundingConditional,
    kind: 'window',
  });
  const unreadable = (code: TimeframeProblem): TimeframeReading => ({
    due: null,
    fundingConditional,
    kind: 'unreadable',
    problem: TIMEFRAME_PROBLEMS[code],
    problemCode: code,
  });
  if (!s || /^[-–—\s]+$/.test(s)) return { due: null, fundingConditional, kind: 'none' };
  if (NO_DEADLINE.test(s) || (NO_DEADLINE_ANYWHERE.test(s) && !/\d{4}|\bq[1-4]\b/.test(s))) {
    return { due: null, fundingConditional, kind: 'none' };
  }
  if (TO_BE_DECIDED.test(s)) return unreadable('notSet');

  // "1 à 3 mois après le début du projet", "within 6 months of the project start", "at project start":
  // the matrix dates neither the project's start nor other events, so no window is made up from them.
  if (!/\d{4}/.test(s)) {
    const duration = DURATION.test(s);
    // The start of the project, named or implied ("al inicio"), not "le début du marché".
    if (PROJECT_START.test(s) && (PROJECT.test(s) || (duration && START_LAST.test(s))))
      return unreadable('projectStart');
    if (duration && AROUND_EVENT.test(s)) return unreadable('event');
  }

  // "second half of the year" takes the evaluation's year; "end-2024" is "end 2024", "mi-juin" "mi juin".
  s = s
    .replace(/\s+(?:(?:of|in)\s+(?:the|this)\s+year|del? (?:este )?ano|de (?:l'|cette )annee|dell'anno)$/, '')
    .replace(/\b(end|mid|mi|fin)-(?=\d)/, '$1 ')
    .replace(/\b(mid|mi)-(?=[a-z])/, '$1 ')
    .trim();

  // Relative to the response: "within 6 months", "dans les 6 mois", "dentro de los 6 meses"
  const rel = s.match(
    /^(?:within|in|dans les|dans un delai de|d'ici|entro|dentro de(?: los)?|en un plazo de|en)\s+(?:(?:the\s+)?next\s+|(?:los\s+)?proximos\s+)?(\d{1,2})\s+(months?|mois|mesi|meses)$/,
  );
  if (rel) {
    if (!ctx.referenceDate) return unreadable('noReference');
    const ref = parse(ctx.referenceDate, 'yyyy-MM-dd', new Date());
    return window(ctx.referenceDate, fmt(addMonths(ref, Number(rel[1]))), true);
  }

  // Deadlines: "by end of June 2023", "before Q3 2024", "d'ici fin 2025", "au plus tard en mars 2025",
  // "a finales de 2024", "antes de diciembre de 2024", "hasta marzo de 2025", "entro la fine del 2024"
  const lead = s.match(DEADLINE_LEAD);
  let target = lead ? s.slice(lead[0].length) : s;
  const end = target.match(END_OF);
  if (end) target = target.slice(end[0].length);
  else if (lead) target = target.replace(/^(?:en|in|el|le|on|the)\s+/, '');
  if (lead || end) {
    const point = readPoint(target, year);
    if (point) return window(null, fmt(point.end), !point.hasYear);
    const range = readRange(target, year);
    if (range) return window(null, fmt(range.to), range.inferred);
  }
  // "mid-2024", "mediados de 2024": June 30; "mi-juin 2025": the 15th.
  const mid = end ? null : target.match(MIDDLE);
  const midPoint = mid && readPoint(mid[1], year);
  if (mid && midPoint && /^\d{4}$/.test(mid[1].trim())) return window(null, `${mid[1].trim()}-06-30`, false);
  if (midPoint && isMonth(midPoint)) return window(null, fmt(addDays(midPoint.start, 14)), !midPoint.hasYear);
  // "début 2025", "principios de 2025": the first quarter; "début mars 2025": March. A deadline after "d'ici".
  const early = end ? null : target.match(EARLY);
  const earlyPoint = early && readPoint(early[1], year);
  if (early && earlyPoint && (/^\d{4}$/.test(early[1].trim()) || isMonth(earlyPoint))) {
    const to = isMonth(earlyPoint) ? earlyPoint.end : endOfQuarter(earlyPoint.start);
    return window(lead ? null : fmt(earlyPoint.start), fmt(to), !earlyPoint.hasYear);
  }

  const startOnly = STARTS.test(s) || ONWARDS.test(s);
  // "courant 2024", "durante el primer semestre de 2025": the period itself.
  const stripped = s.replace(FROM_OR_START, '').replace(ONWARDS, '').replace(DURING, '');
  if (startOnly && readPoint(stripped, year)) return unreadable('startOnly');
  const range = readRange(stripped, year);
  if (range) return window(fmt(range.from), fmt(range.to), range.inferred);
  const needsYear = readPoint(stripped, 2000) !== null || readRange(stripped, 2000) !== null;
  return unreadable(needsYear ? 'noYear' : 'unread');
}
