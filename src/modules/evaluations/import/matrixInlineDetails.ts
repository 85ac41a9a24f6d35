/**
 * A key action whose timeframe and responsible unit are written inside its sentence, as offices
 * often do when the table has no such columns, or leaves them empty: "Organiser deux sessions,
 * 1 à 3 mois après le début du projet – Équipes pays", "Sign the agreements (Q3 2024, HR unit)",
 * "Open an evening group – Training unit". Only a tail that reads as a time or names a unit is
 * taken out; anything else stays in the text.
 */
import { parseTimeframe } from '../../../lib/parseTimeframe.js';
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
  /\b(?:units?|teams?|offices?|departments?|divisions?|sections?|programmes?|programs?|project\s+(?:team|management|manager|staff)|management|staff|coordinat\w*|managers?|officers?|focal\s+points?|partners?|ministr\w*|municipal\w*|secretariat|headquarters|hq|country\s+offices?|regional\s+offices?|missions?|equipes?|bureaux?|services?|direction|departements?|unites?|gestionnaires?|chefs?|responsables?|equipos?|oficinas?|departamentos?|unidad(?:es)?|coordinador\w*|gerentes?|direccion|ministerio\w*|municipio\w*|socios?)\b/;

/**
 * A tail that reads as a time: a due window, or a time relative to something ("1 à 3 mois après
 * le début du projet"). Set apart by brackets or a dash, a time word is enough ("Q3", "ongoing");
 * after a mere comma (`loose`), only a window or a relative time with a number and a unit of time.
 */
function isTime(part: string, year: number | null, loose = true): boolean {
  const f = foldText(part).trim();
  if (!f || f.split(/\s+/).length > 12) return false;
  if (parseTimeframe(part, { year }).kind === 'window') return true;
  if (!loose) return RELATIVE.test(f) && /\d/.test(f) && SPAN.test(f);
  return TIME_WORDS.test(f) && (/\d/.test(f) || RELATIVE.test(f) || f.split(/\s+/).length <= 4);
}

/** A tail that names a unit: short, no sentence, with a unit's word or an acronym ("HR", "M&E"). */
function isUnit(part: string): boolean {
  const p = part.trim();
  if (!p || p.split(/\s+/).length > 8 || /[.!?]$/.test(p) || /^\p{Ll}/u.test(p)) return false;
  return UNIT_WORDS.test(foldText(p)) || /^(?:[A-Z][A-Z&]{1,6}s?)(?:\s*(?:,|and|et|y|&|\/)\s*[A-Z][A-Z&]{1,6}s?)*$/.test(p);
}

/** Reads the time and unit out of a list of tail parts, all of which must be one or the other. */
function classify(parts: string[], year: number | null): { timeframe: string | null; responsible: string | null } | null {
  let timeframe: string | null = null;
  const units: string[] = [];
  for (const part of parts) {
    if (!timeframe && isTime(part, year)) timeframe = part.trim();
    else if (isUnit(part)) units.push(part.trim());
    else return null;
  }
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
  // "…, 1 à 3 mois après le début du projet – Équipes pays", "… – Training unit", "…, by June 2025"
  const dash = t.split(/\s+[–—-]\s+/);
  let head = t;
  let unitTail: string | null = null;
  if (dash.length > 1) {
    const last = cleanEnd(dash[dash.length - 1]);
    const got = classify([last], year);
    if (got) {
      head = dash.slice(0, -1).join(' – ');
      if (got.timeframe) return { text: cleanEnd(head), timeframe: got.timeframe, responsible: null };
      unitTail = got.responsible;
    }
  }
  const comma = head.lastIndexOf(',');
  if (comma > 0) {
    const tail = cleanEnd(head.slice(comma + 1));
    if (isTime(tail, year, false)) return { text: cleanEnd(head.slice(0, comma)), timeframe: tail, responsible: unitTail };
  }
  return unitTail ? { text: cleanEnd(head), timeframe: null, responsible: unitTail } : null;
}
