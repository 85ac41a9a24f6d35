/**
 * Reads the timeframe column of a management response matrix ("Q2 to Q4", "By end of June 2023",
 * "(2025 – 2026 subject to availability of funds)", "T2 2025", "en continu") into a due window.
 * Anything it cannot read gets no due window and a reason, never a guessed date.
 */
import { addMonths, endOfMonth, endOfQuarter, endOfYear, format, isValid, parse } from 'date-fns';
import { foldText } from './text.js';

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
  /** Why no due window was set, when kind is unreadable. */
  problem?: string;
}

export interface TimeframeContext {
  /** Year of the evaluation, used for timeframes that name no year ("Q2 to Q4"). */
  year?: number | null;
  /** Date the matrix was published/signed, used for relative timeframes ("within 6 months"). */
  referenceDate?: string | null;
}

const MONTHS: Record<string, number> = {
  january: 0,
  jan: 0,
  janvier: 0,
  janv: 0,
  gennaio: 0,
  february: 1,
  feb: 1,
  fevrier: 1,
  fevr: 1,
  fev: 1,
  febbraio: 1,
  march: 2,
  mar: 2,
  mars: 2,
  marzo: 2,
  april: 3,
  apr: 3,
  avril: 3,
  avr: 3,
  aprile: 3,
  may: 4,
  mai: 4,
  maggio: 4,
  june: 5,
  jun: 5,
  juin: 5,
  giugno: 5,
  july: 6,
  jul: 6,
  juillet: 6,
  juil: 6,
  luglio: 6,
  august: 7,
  aug: 7,
  aout: 7,
  agosto: 7,
  september: 8,
  sep: 8,
  sept: 8,
  septembre: 8,
  settembre: 8,
  october: 9,
  oct: 9,
  octobre: 9,
  ottobre: 9,
  november: 10,
  nov: 10,
  novembre: 10,
  december: 11,
  dec: 11,
  decembre: 11,
  dicembre: 11,
};

const ORDINALS: Record<string, number> = {
  '1er': 1,
  '1re': 1,
  '1ere': 1,
  '2e': 2,
  '2eme': 2,
  '3e': 3,
  '3eme': 3,
  '4e': 4,
  '4eme': 4,
  first: 1,
  '1st': 1,
  premier: 1,
  premiere: 1,
  primo: 1,
  second: 2,
  '2nd': 2,
  deuxieme: 2,
  seconde: 2,
  secondo: 2,
  third: 3,
  '3rd': 3,
  troisieme: 3,
  terzo: 3,
  fourth: 4,
  '4th': 4,
  quatrieme: 4,
  quarto: 4,
  last: 4,
  dernier: 4,
};

const NO_DEADLINE =
  /^(n\/?a|n\.a\.?|na|none|not applicable|non applicable|sans objet|ongoing|on-going|on going|continuous(ly)?|continuing|constant(ly)?|permanent|regularly|in continuo|en continu|continu|en cours|in corso|already (in place|done|completed|developed|implemented)|as needed|as required|throughout( the project)?)\b/;
const NO_DEADLINE_ANYWHERE = /\b(continuous|ongoing|on-going|en continu|in continuo)\b/;
const FUNDING =
  /\b(subject to|depending on|dependent on|conditional (up)?on|pending|sous reserve de|en fonction de|subordinat[oa] a)\s+(the\s+)?(availability of\s+|la disponibilite des?\s+|disponibilita di\s+)?(funds|funding|financing|resources|budget|financements?|fonds|ressources|fondi|finanziamenti)\b/;
const TO_BE_DECIDED =
  /^(tbd|tbc|to be (determined|decided|defined|confirmed)|a (determiner|definir|confirmer)|da definire)\b/;

type Point = { start: Date; end: Date; hasYear: boolean };

const fmt = (d: Date) => format(d, 'yyyy-MM-dd');

/** Parses one period expression ("Q2 2022", "June", "second half of 2023", "2025") without a range. */
function readPoint(raw: string, year: number | null): Point | null {
  const s = raw.trim().replace(/^(the|la|le|l'|il)\s+/, '');
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
  m = s.match(/^(\w+)\s+(?:quarter|trimestre)(?:\s+(?:of\s+|de\s+|del\s+)?(\d{4}))?$/);
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
    s.match(/^(\w+)\s+(?:half|semestre|semester)(?:\s+(?:of\s+|de\s+|del\s+)?(\d{4}))?$/);
  if (m) {
    const h = /^\d$/.test(m[1]) ? Number(m[1]) : ORDINALS[m[1]];
    const yr = withYear(m[2]);
    if ((h !== 1 && h !== 2 && h !== 4) || yr == null) return null;
    const half = h === 4 ? 2 : h;
    const start = new Date(yr, (half - 1) * 6, 1);
    return { start, end: endOfMonth(addMonths(start, 5)), hasYear: !!m[2] };
  }
  // 15 March 2023, March 15 2023, March 2023, March, mars 2025
  m = s.match(/^(\d{1,2})(?:st|nd|rd|th|er)?\s+([a-z]+)\.?(?:\s+(\d{4}))?$/);
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
  m = s.match(/^([a-z]+)\.?(?:\s+(?:of\s+|de\s+|di\s+)?(\d{4}))?$/);
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

const RANGE_SEP =
  /\s*(?:\bto\b|\band\b|\bet\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\bau\b|\ba\b|\bjusqu'?\s*(?:a|en|au)\b|\bfino a\b|\bal\b|–|—|-|\/)\s*/;

function readRange(s: string, ctxYear: number | null): { from: Date; to: Date; inferred: boolean } | null {
  const single = readPoint(s, ctxYear);
  if (single) return { from: single.start, to: single.end, inferred: !single.hasYear };
  // Try each separator position so that "2025 – 2026" and "Q3 2023 – Q1 2024" split right.
  const re = new RegExp(RANGE_SEP.source, 'g');
  for (const sep of s.matchAll(re)) {
    const left = s
      .slice(0, sep.index)
      .replace(/^(from|de|du|dal|da)\s+/, '')
      .trim();
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
  if (fundingConditional)
    s = s
      .replace(FUNDING, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/(?<![.;,:-])[.;,:-]+$/, '')
      .trim();
  if (!s || /^[-–—\s]+$/.test(s)) return { due: null, fundingConditional, kind: 'none' };
  if (NO_DEADLINE.test(s) || (NO_DEADLINE_ANYWHERE.test(s) && !/\d{4}|\bq[1-4]\b/.test(s))) {
    return { due: null, fundingConditional, kind: 'none' };
  }
  if (TO_BE_DECIDED.test(s)) {
    return { due: null, fundingConditional, kind: 'unreadable', problem: 'no deadline has been set yet' };
  }

  // "second half of the year" takes the evaluation's year; "end-2024" is "end 2024".
  s = s
    .replace(/\s+(?:of|in)\s+(?:the|this)\s+year$/, '')
    .replace(/\b(end|mid|fin)-(?=\d)/, '$1 ')
    .trim();
  // "mid-2024", "by mid 2024": the middle of the year as the deadline.
  const mid = s.match(/^(?:by\s+)?(?:the\s+)?mid(?:dle)?\s+(?:of\s+)?(\d{4})$/);
  if (mid)
    return {
      due: { from: null, to: `${mid[1]}-06-30`, inferred: false },
      fundingConditional,
      kind: 'window',
    };

  // Relative: "within 6 months", "dans les 6 mois"
  const rel = s.match(/^(?:within|in|dans les|d'ici|entro)\s+(\d{1,2})\s+(months?|mois|mesi)$/);
  if (rel) {
    if (!ctx.referenceDate) {
      return {
        due: null,
        fundingConditional,
        kind: 'unreadable',
        problem: 'a relative timeframe needs the date of the management response',
      };
    }
    const ref = parse(ctx.referenceDate, 'yyyy-MM-dd', new Date());
    return {
      due: { from: ctx.referenceDate, to: fmt(addMonths(ref, Number(rel[1]))), inferred: true },
      fundingConditional,
      kind: 'window',
    };
  }

  // Deadlines: "by end of June 2023", "before Q3 2024", "d'ici fin 2025", "no later than 30/06/2023"
  const deadline = s.match(
    /^(?:by|before|not later than|no later than|deadline:?|due:?|d'ici|avant|au plus tard|entro|until|jusqu'?\s*(?:a|en|au))?\s*(?:(?:the\s+)?(?:end|close)\s+(?:of\s+)?|fin\s+(?:de\s+|d'\s*)?|la fin\s+(?:de\s+|d'\s*)?|fine\s+(?:di\s+)?)?(.+)$/,
  );
  const hasDeadlineWord =
    /^(by|before|not later than|no later than|deadline|due|d'ici|avant|au plus tard|entro|until|jusqu)|^(the\s+)?(end|close)\b|^(la\s+)?fin\b|^fine\b/.test(
      s,
    );
  if (hasDeadlineWord && deadline) {
    const target = deadline[1].trim();
    const point = readPoint(target, year);
    if (point) {
      return {
        due: { from: null, to: fmt(point.end), inferred: !point.hasYear },
        fundingConditional,
        kind: 'window',
      };
    }
    const range = readRange(target, year);
    if (range) {
      return {
        due: { from: null, to: fmt(range.to), inferred: range.inferred },
        fundingConditional,
        kind: 'window',
      };
    }
  }

  const startOnly =
    /^(?:starting(?:\s+(?:in|from))?|start(?:ing)?\s+in|as\s+of|beginning(?:\s+(?:of|in))?|a\s+partir\s+de|des)\s+/.test(
      s,
    ) || /\s+(?:onwards?|and\s+beyond|et\s+au-dela)$/.test(s);
  const stripped = s
    .replace(
      /^(?:from|starting(?:\s+(?:in|from))?|start(?:ing)?\s+in|as\s+of|beginning(?:\s+(?:of|in))?|de|du|dal|da|a\s+partir\s+de|des)\s+/,
      '',
    )
    .replace(/\s+(?:onwards?|and\s+beyond|et\s+au-dela)$/, '');
  if (startOnly && readPoint(stripped, year)) {
    return {
      due: null,
      fundingConditional,
      kind: 'unreadable',
      problem: 'it says when the action starts, not when it is due',
    };
  }
  const range = readRange(stripped, year);
  if (range) {
    return {
      due: { from: fmt(range.from), to: fmt(range.to), inferred: range.inferred },
      fundingConditional,
      kind: 'window',
    };
  }
  const needsYear = readPoint(stripped, 2000) !== null || readRange(stripped, 2000) !== null;
  return {
    due: null,
    fundingConditional,
    kind: 'unreadable',
    problem: needsYear
      ? 'the timeframe names no year and the evaluation year is unknown'
      : 'the timeframe could not be read as a date or period',
  };
}
