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
const SPAN =
  /\b(?:days?|jours?|dias?|weeks?|semaines?|semanas?|months?|mois|mes(?:es)?|years?|ans|annees?|anos?)\b/;
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
  if (
    RELATIVE.test(f) &&
    /\d|\b(?:one|two|three|six|un|une|deux|trois|six|uno|dos|tres|seis)\b/.test(f) &&
    SPAN.test(f)
  )
    return true;
  if (!loose) return false;
  // Set apart by brackets or a dash: a start ("a partir de 2025") or a time with no due date ("Ongoing").
  if (
    /^(?:from|starting|as\s+of|a\s+partir\s+de|des|desde|a\s+partire\s+da)\b/.test(f) &&
    /\b(?:19|20)\d{2}\b/.test(f)
  )
    return true;
  return reading.kind === 'none' && TIME_WORDS.test(f);
}

/** A tail that is a clause of the sentence, not a detail: "which expires after 12 months". */
const CLAUSE =
  /^(?:which|that|who|where|when|as|especially|in\s+line|qui|que|dont|lorsque|notamment|en\s+particulier|cuyo|cuya|lo\s+que|especialmente|en\s+particular)\b/;

/** A tail that names a unit: short, no sentence, with a unit's word or an acronym ("HR", "M&E"). */
function isUnit(part: string): boolean {
  const p = part.trim();
  if (!p || p.split(/\s+/).length > 8 || /[.!?]$/.test(p) || /^\p{Ll}/u.test(p)) return false;
  return (
    UNIT_WORDS.test(foldText(p)) ||
    /^(?:[A-Z][A-Z&]{1,6}s?)(?:\s*(?:,|and|et|y|&|\/)\s*[A-Z][A-Z&]{1,6}s?)*$/.test(p)
  );
}

/** A short name ("Reception desk", "Senior lawyer"): a capital, a few words, no sentence. */
const isName = (part: string) =>
  part.split(/\s+/).length <= 6 &&
  !/[.!?;:]$/.test(part) &&
  !/\d/.test(part) &&
  !/^(?:with|for|to|in|on|and|or|by|the|a|an|avec|pour|par|et|ou|en|de|du|des|la|le|les|un|une|con|para|por|y|o|el|los|las|del|al|especially|notamment|especialmente)\b/i.test(
    part,
  );

const cleanEnd = (s: string) => s.replace(/[\s,;:–—-]+$/, '').trim();

/** The action's text without a tail giving its timeframe and/or unit, and what the tail gave; null when none. */
export function readInlineDetails(text: string, year: number | null): InlineDetails | null {
  const t = text.trim();
  // "… (Q3 2024, HR unit)", "… (2024, Juriste référente ; associations locales)"
  const bracket = t.match(/^([\s\S]*\S)\s*\(([^()]{2,160})\)\s*[.;]?$/);
  if (bracket) {
    const got = readBracket(bracket[2], year);
    if (got) return { text: cleanEnd(bracket[1]), ...got };
  }
  return readTails(t, year);
}

type Kind = 'time' | 'funding' | 'unit' | 'name' | 'other';

/** What a tail is: a time, a condition on funding, a unit, a short name, or part of the sentence. */
function kindOf(part: string, year: number | null, loose = true): Kind {
  if (isTime(part, year, loose)) return 'time';
  if (mentionsFundingCondition(part)) return 'funding';
  if (isUnit(part)) return 'unit';
  return isName(part) ? 'name' : 'other';
}

/**
 * A bracket's parts: a time (with its funding condition), then units as written. Names and
 * acronyms count as units only beside a time; anything else leaves the bracket in the text.
 */
function readBracket(inside: string, year: number | null): Omit<InlineDetails, 'text'> | null {
  const parts = inside.split(/\s*[,;]\s*|\s+[–—-]\s+/);
  const kinds = parts.map((p) => kindOf(p.trim(), year));
  if (kinds.includes('other')) return null;
  const time = kinds.indexOf('time');
  const units = kinds.map((k, i) => (k === 'unit' || k === 'name' ? i : -1)).filter((i) => i >= 0);
  const named = units.some((i) => UNIT_WORDS.test(foldText(parts[i])));
  if (time < 0 && (!units.length || !named || kinds.includes('name'))) return null;
  // The time and the funding parts after it, as written; the units from the first one to the end, as written.
  let timeframe: string | null = null;
  if (time >= 0) {
    let end = time;
    while (kinds[end + 1] === 'funding') end++;
    timeframe = parts
      .slice(time, end + 1)
      .map((p) => p.trim())
      .join(', ');
  }
  let responsible: string | null = null;
  if (units.length) {
    const first = parts[units[0]].trim();
    responsible = cleanEnd(inside.slice(inside.indexOf(first)));
    if (time > units[0] && timeframe) responsible = cleanEnd(responsible.replace(parts[time].trim(), ''));
  }
  return timeframe || responsible ? { timeframe, responsible } : null;
}

/**
 * Tails set apart by dashes (up to two: "… – October 2023 – LAIS coordinator", "… – Training
 * unit"), then one set apart by a comma, which must read as a time ("…, 1 à 3 mois après le début
 * du projet – Équipes pays", "…, enero de 2025, sujeto a la disponibilidad de fondos – Junta
 * directiva"). A short name is a unit only when a time stands beside it.
 */
function readTails(t: string, year: number | null): InlineDetails | null {
  const dash = t.split(/\s+[–—-]\s+/);
  const tails: { text: string; kind: Kind }[] = [];
  while (dash.length > 1 && tails.length < 2) {
    const last = cleanEnd(dash[dash.length - 1]);
    const kind = kindOf(last, year);
    if (kind === 'other') break;
    tails.unshift({ text: last, kind });
    dash.pop();
  }
  let head = dash.join(' – ');
  let time = tails.find((x) => x.kind === 'time')?.text ?? null;
  if (!time) {
    // "…, enero de 2025, sujeto a la disponibilidad de fondos": a time, and its condition.
    const comma = head.lastIndexOf(',');
    const last = comma > 0 ? cleanEnd(head.slice(comma + 1)) : '';
    if (last && mentionsFundingCondition(last)) {
      const before = head.lastIndexOf(',', comma - 1);
      const prior = before > 0 ? cleanEnd(head.slice(before + 1, comma)) : '';
      if (prior && isTime(prior, year, false)) {
        time = `${prior}, ${last}`;
        head = head.slice(0, before);
      }
    } else if (last && isTime(last, year, false)) {
      time = last;
      head = head.slice(0, comma);
    }
  }
  const units = tails.filter((x) => x.kind === 'unit' || (x.kind === 'name' && time));
  // Tails that are neither (a name with no time beside it) go back into the text.
  const back = tails.filter((x) => !units.includes(x) && x.kind !== 'time');
  if (back.length) head = [head, ...back.map((x) => x.text)].join(' – ');
  const responsible = units.length ? units.map((x) => x.text).join(' – ') : null;
  if (!time && !responsible) return null;
  return { text: cleanEnd(head), timeframe: time, responsible };
}
