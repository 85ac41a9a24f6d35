/**
 * A key action whose timeframe and responsible unit are written inside its sentence, as offices
 * often do when the table has no such columns, or leaves them empty: "Organiser deux sessions,
 * 1 à 3 mois après le début du projet – Équipes pays", "Sign the agreements (Q3 2024, HR unit)",
 * "Open an evening group – Training unit". Only a tail that reads as a time or names a unit is
 * taken out; anything else stays in the text.
 */
import { mentionsFundingCondition, parseTimeframe } from '../../../lib/parseTimeframe.js';
import { foldText } from '../../../lib/text.js';

export interface InlineDetails {
  text: string;
  timeframe: string | null;
  responsible: string | null;
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se(?:p)?tiembre|octubre|noviembre|diciembre';
const TIME_WORDS = new RegExp(
  String.raw`\b(?:q[1-4]|t[1-4]|h[12]|s[12]|(?:19|20)\d{2}|${MONTHS}|months?|mois|mes(?:es)?|weeks?|semaines?|semanas?|years?|ans?|annees?|anos?|quarters?|trimestres?|semest(?:re|er)s?|ongoing|continuous(?:ly)?|en\s+continu|continu|continuo|en\s+curso|permanent(?:e)?|immediately|immediatement|inmediatamente|end\s+of|fin\s+(?:de|du)|finales\s+de|by\s+the\s+end)\b`,
);
const SPAN = /\b(?:days?|jours?|dias?|weeks?|semaines?|semanas?|months?|mois|mes(?:es)?|years?|ans|annees?|anos?)\b/;
const RELATIVE = /\b(?:after|apres|despues|within|dans\s+les|dentro\s+de|before|avant|antes)\b/;

const UNIT_WORDS =
  /\b(?:units?|teams?|offices?|departments?|divisions?|sections?|programmes?|programs?|project\s+(?:team|management|manager|staff)|management|staff|coordina\w*|managers?|officers?|focal\s+points?|partners?|ministr\w*|municipal\w*|secretariat|headquarters|hq|country\s+offices?|regional\s+offices?|missions?|equipes?|bureaux?|services?|direction|departements?|unites?|gestionnaires?|chefs?|responsables?|equipos?|oficinas?|departamentos?|unidad(?:es)?|coordinador\w*|gerentes?|direccion|ministerio\w*|municipio\w*|socios?)\b/;

/**
 * A tail that reads as a time: a due window, or a time relative to something ("1 à 3 mois après
 * le début du projet"). Set apart by brackets or a dash, a time word is enough ("Q3", "ongoing");
 * after a mere comma (`loose`), only a window or a relative time with a number and a unit of time.
 */
function isTime(part: string, year: number | null, loose = true): boolean {
  const f = foldText(part).trim();
  if (!f || f.split(/\s+/).length > 12 || CLAUSE.test(f)) return false;
  const reading = parseTimeframe(part, { year });
  if (reading.kind === 'window') return true;
  // A relative time: "1 à 3 mois après l'adoption des horaires", "within six months".
  if (RELATIVE.test(f) && /\d|\b(?:one|two|three|six|un|une|deux|trois|six|uno|dos|tres|seis)\b/.test(f) && SPAN.test(f))
    return true;
  // Set apart by brackets or a dash: a time with no due date ("Ongoing", "Continuous", "N/A").
  return loose && reading.kind === 'none' && TIME_WORDS.test(f);
}

/** A tail that is a clause of the sentence, not a detail: "which expires after 12 months". */
const CLAUSE = /^(?:which|that|who|where|when|as|especially|in\s+line|qui|que|dont|lorsque|notamment|en\s+particulier|cuyo|cuya|lo\s+que|especialmente|en\s+particular)\b/;

/** A tail that names a unit: short, no sentence, with a unit's word or an acronym ("HR", "M&E"). */
function isUnit(part: string): boolean {
  const p = part.trim();
  if (!p || p.split(/\s+/).length > 8 || /[.!?]$/.test(p) || /^\p{Ll}/u.test(p)) return false;
  return UNIT_WORDS.test(foldText(p)) || /^(?:[A-Z][A-Z&]{1,6}s?)(?:\s*(?:,|and|et|y|&|\/)\s*[A-Z][A-Z&]{1,6}s?)*$/.test(p);
}

/** A short name ("Reception desk", "Senior lawyer"): a capital, a few words, no sentence. */
const isName = (part: string) =>
  /^\p{Lu}/u.test(part) && part.split(/\s+/).length <= 6 && !/[.!?;:]$/.test(part) && !/\d/.test(part);

/** Reads the time and unit out of a list of tail parts, all of which must be one or the other. */
function classify(
  parts: string[],
  year: number | null,
  allow: { acronyms?: boolean; names?: boolean } = {},
): { timeframe: string | null; responsible: string | null } | null {
  let timeframe: string | null = null;
  const units: string[] = [];
  const names: string[] = [];
  let named = false;
  for (const part of parts) {
    const p = part.trim();
    if (!timeframe && isTime(p, year)) timeframe = p;
    // "2024, sous réserve de financement": the condition belongs with the time.
    else if (timeframe && mentionsFundingCondition(p)) timeframe = `${timeframe}, ${p}`;
    else if (isUnit(p)) {
      units.push(p);
      named ||= UNIT_WORDS.test(foldText(p));
    } else if (isName(p)) names.push(p);
    else return null;
  }
  // Beside a time, a short name is the unit too: "(Premier trimestre 2024, Juriste référente)".
  if (names.length) {
    if (!timeframe && !allow.names) return null;
    units.push(...names);
    named = true;
  }
  // Acronyms alone ("(AR, FA, TI)", "(PDF)") name a unit only beside a time.
  if (units.length && !named && !timeframe && !allow.acronyms) return null;
  return { timeframe, responsible: units.length ? units.join(', ') : null };
}

const cleanEnd = (s: string) => s.replace(/[\s,;:–—-]+$/, '').trim();

/** The action's text without a tail giving its timeframe and/or unit, and what the tail gave; null when none. */
export function readInlineDetails(text: string, year: number | null): InlineDetails | null {
  const t = text.trim();
  // "… (Q3 2024, HR unit)"
  const bracket = t.match(/^([\s\S]*\S)\s*\(([^()]{2,160})\)\s*[.;]?$/);
  if (bracket) {
    const got = classify(bracket[2].split(/\s*[,;]\s*|\s+[–—-]\s+/), year);
    if (got && (got.timeframe || got.responsible)) return { text: cleanEnd(bracket[1]), ...got };
  }
  // "…, 1 à 3 mois après le début du projet – Équipes pays", "… – October 2023 – LAIS coordinator",
  // "… – Training unit", "…, by June 2025": up to two tails set apart by dashes, then one by a comma.
  const dash = t.split(/\s+[–—-]\s+/);
  let head = t;
  let timeTail: string | null = null;
  let unitTail: string | null = null;
  for (let k = 0; k < 2 && dash.length > 1; k++) {
    const last = cleanEnd(dash[dash.length - 1]);
    // "… – November 2023 – Reception desk": a short name after a time, set apart the same way, is the unit.
    const beforeIsTime = k === 0 && dash.length > 2 && isTime(cleanEnd(dash[dash.length - 2]), year);
    // (After a dash an acronym alone names a unit: "… – M&E".)
    const got = classify([last], year, { acronyms: true, names: beforeIsTime }) ?? (beforeIsTime && isName(last) ? { timeframe: null, responsible: last } : null);
    if (!got || (got.timeframe && timeTail) || (got.responsible && unitTail)) break;
    timeTail ??= got.timeframe;
    unitTail ??= got.responsible;
    dash.pop();
    head = dash.join(' – ');
  }
  if (!timeTail) {
    const comma = head.lastIndexOf(',');
    if (comma > 0) {
      const tail = cleanEnd(head.slice(comma + 1));
      if (isTime(tail, year, false)) {
        timeTail = tail;
        head = head.slice(0, comma);
      }
    }
  }
  return timeTail || unitTail ? { text: cleanEnd(head), timeframe: timeTail, responsible: unitTail } : null;
}
