/**
 * The words a matrix answers with: a management response (accepted, partially accepted,
 * rejected), a priority (1 to 3, or high/medium/low) and a status in either template's
 * vocabulary — in English, French (and the Italian some offices write).
 */
import { foldText } from '../../../lib/text.js';
import type { ActionStatus } from '../../actions/model.js';
import type { Response, StatusTemplate } from '../model.js';
import { afterFolded } from './matrixValues.js';

const STATUS_WORDS: [RegExp, ActionStatus][] = [
  [
    /^(?:not\s+(?:yet\s+)?(?:initiated|started)|non\s+(?:initie|commence)|pas\s+(?:encore\s+)?(?:commence|initie)|non\s+avviat|no\s+iniciad|sin\s+iniciar|no\s+(?:ha\s+)?comenzad)/,
    'not_initiated',
  ],
  [
    /^(?:no\s+longer\s+applicable|not\s+applicable|n\/a|plus\s+applicable|non\s+applicable|sans\s+objet|ya\s+no\s+(?:es\s+)?aplicable|no\s+aplica)/,
    'no_longer_applicable',
  ],
  [
    /^(?:completed?|done|achieved|finished|closed|implemented|termine|achevee?|realisee?|complete|clos|concluso|completato|completad[oa]|finalizad[oa]|terminad[oa]|cumplid[oa]|implementad[oa]|realizad[oa])/,
    'completed',
  ],
  [
    /^(?:initiated|in\s+progress|ongoing|on-going|started|under\s+way|underway|initie|en\s+cours|commence|in\s+corso|avviato|iniciad[oa]|en\s+curso|en\s+proceso|en\s+progreso|en\s+marcha)/,
    'initiated',
  ],
  [/^(?:open|ouvert|aperto|abiert[oa])/, 'open'],
  [
    /^(?:discarded|dropped|abandoned|cancelled|canceled|ecartee?|abandonnee?|annulee?|scartato|descartad[oa]|abandonad[oa]|cancelad[oa])/,
    'discarded',
  ],
];

/** Maps a status as written to the template's vocabulary, or null when it is not one of its words. */
export function readStatus(written: string, template: StatusTemplate): ActionStatus | null {
  const f = foldText(written)
    // (?<!…): the match starts only where a run starts, so a long run is not rescanned (quadratic).
    .replace(/(?<![._*])[._*]+$/, '')
    .trim();
  for (const [re, status] of STATUS_WORDS) {
    if (!re.test(f)) continue;
    if (template === 'classic') {
      if (status === 'open') return 'initiated';
      if (status === 'discarded') return 'no_longer_applicable';
      return status;
    }
    if (status === 'completed' || status === 'open' || status === 'discarded') return status;
    return status === 'no_longer_applicable' ? 'discarded' : 'open';
  }
  return null;
}

/** Reads the management response from what its text says; null when it says none of them. */
export function readResponse(text: string): Response | null {
  const f = foldText(text).trim();
  if (!f) return null;
  // The first sentence; a line break inside it ("Partially\naccept", a narrow cell's wrap) does not end it
  // unless the line ends a sentence.
  const first = f.replace(/(?<![.!?;:])\n/g, ' ').split(/(?<=[.!?;])\s|\n/)[0] ?? f;
  // The sentences that say what happens to "the recommendation". Split, not /[^.]*\brecommendation…[^.]*/g:
  // that regex retries from every position, so a long text without a full stop took quadratic time.
  const said = f.split('.').filter((s) => /\brecommendation\s+(?:is|was|has been)\s/.test(s));
  const scopes = [first, ...said];
  for (const s of scopes) {
    if (
      /\b(?:partially|partly|in\s+part)\s+(?:accept|agree)|\bpartiellement\s+accept|\baccept(?:e|ee|es|ees|er|ons)?\s+(?:partiellement|en\s+partie)|\bparzialmente\s+accett|\bparcialmente\s+acept|\bacepta(?:da|do|r)?s?\s+(?:parcialmente|en\s+parte)/.test(
        s,
      )
    ) {
      return 'partially_accepted';
    }
    if (
      /\b(?:reject|rejet|not\s+accept|non\s+accept|does\s+not\s+accept|do\s+not\s+accept|cannot\s+accept|declin|refus|respint|rechaz|no\s+(?:se\s+)?acept)/.test(
        s,
      )
    ) {
      return 'rejected';
    }
    if (/\b(?:accept|agree[sd]?\b|accepte|accett|acept)/.test(s)) return 'accepted';
  }
  return null;
}

/**
 * The answer a response label keeps when the options that do not apply were struck out or
 * deleted ("Management response - partially accept:"); null when it offers several or none.
 */
export function chosenInLabel(label: string): Response | null {
  const f = foldText(label)
    .replace(/^.*?\b(?:response|reponse|respuesta)\b/, '')
    .replace(/\b(?:de\s+la\s+)?(?:direction|gestion|administracion|direccion|gerencia)\b/g, '');
  const partial = /\b(?:partially|partly|partiellement|parcialmente|parzialmente)\b|\ben\s+partie\b/;
  // The partial option with the word it qualifies, either side: "partially accept", "accepter partiellement".
  const rest = f.replace(
    /\b(?:partially|partly|partiellement|parcialmente|parzialmente)\s+\w+|\w+\s+(?:partially|partly|partiellement|parcialmente|parzialmente|en\s+partie|en\s+parte)\b/g,
    ' ',
  );
  const found: Response[] = [];
  if (partial.test(f)) found.push('partially_accepted');
  if (/\b(?:reject|rejet|rechaz|respin)/.test(rest)) found.push('rejected');
  if (/\b(?:accept|acept|accett)/.test(rest)) found.push('accepted');
  return found.length === 1 ? found[0] : null;
}

const PRIORITY_WORDS: Record<string, number> = {
  high: 1,
  haute: 1,
  elevee: 1,
  alta: 1,
  alto: 1,
  medium: 2,
  media: 2,
  medio: 2,
  moyenne: 2,
  low: 3,
  baja: 3,
  bajo: 3,
  basse: 3,
  faible: 3,
  bassa: 3,
};
const NONE_VALUE =
  /^(?:n\/?a|n\.a\.?|none|not\s+applicable|non\s+applicable|sans\s+objet|no\s+aplica|-+|—|–)$/;

/** What a priority cell says. */
export type PriorityReading =
  /** "2", "High – newcomers wait", "1 (the service is closed)": the level and what follows it. */
  | { level: 1 | 2 | 3; rest: string }
  /** "N/A", "none", "–": no priority given. */
  | { level: 'none' }
  /** Anything else: not a priority. */
  | { level: null };

/** Reads a priority as written (trimmed, instructions already dropped). */
export function readPriority(written: string): PriorityReading {
  const f = foldText(written).trim();
  if (NONE_VALUE.test(f)) return { level: 'none' };
  // The template's choices left as they were ("High/Medium/Low", "1/2/3"): no priority given.
  const CHOICE = '(?:high|medium|low|haute|moyenne|basse|alta|media|baja|[1-3])';
  if (new RegExp(String.raw`^${CHOICE}\s*\/\s*${CHOICE}\s*\/\s*${CHOICE}\b`).test(f)) return { level: null };
  // Two of them ("High/Medium", "3/2"): a range, read as its higher priority.
  const pair = f.match(new RegExp(String.raw`^(${CHOICE})\s*\/\s*(${CHOICE})\s*$`));
  if (pair) {
    const level = (w: string) => (/^\d$/.test(w) ? Number(w) : PRIORITY_WORDS[w]);
    return { level: Math.min(level(pair[1]), level(pair[2])) as 1 | 2 | 3, rest: '' };
  }
  // A range ("2-3", "1 to 2"): the higher priority of the two, the lower number.
  const range = f.match(/^([1-3])\s*(?:-|–|—|\/|to|a|or|ou|o)\s*([1-3])\b\s*[-–:,.(]?\s*/);
  if (range) {
    const level = Math.min(Number(range[1]), Number(range[2])) as 1 | 2 | 3;
    const rest = afterFolded(written.trim(), range[0].length)
      .replace(/\)\s*$/, '')
      .trim();
    return { level, rest };
  }
  const m = f.match(/^(\d+|[a-z]+)\b\s*[-–:,.(]?\s*/);
  const word = m?.[1] ?? '';
  const p = /^\d+$/.test(word) ? Number(word) : PRIORITY_WORDS[word];
  if ((p === 1 || p === 2 || p === 3) && m) {
    const rest = afterFolded(written.trim(), m[0].length)
      .replace(/\)\s*$/, '')
      .trim();
    return { level: p, rest };
  }
  return { level: null };
}
