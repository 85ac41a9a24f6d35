/**
 * Reading "Responsible unit(s)" as written ("PSD/HRM, Regional Offices and Country Offices") into
 * units of the directory. The text is cut into parts; a part is linked only when it equals a
 * unit's name or one of its other names once case, accents, punctuation and a leading article are
 * set aside. Anything else gets at most three close matches (trigram similarity, as pg_trgm
 * computes it) for a person to confirm: "Not City coordinators" is never linked to "City
 * coordinators" by itself. Pure: the directory is read once by `directoryOf` (service.ts).
 */
import { foldText } from '../../lib/text.js';
import type { UnitProposal } from './model.js';

/** A unit as matching needs it: its names, already normalised. */
export interface DirectoryUnit {
  id: string;
  name: string;
  aliases: string[];
}

interface Entry {
  unit: DirectoryUnit;
  /** Normalised name and aliases. */
  keys: string[];
  trigrams: Set<string>[];
}

/** A normalised directory, built once per request. */
export interface Directory {
  exact: Map<string, DirectoryUnit>;
  entries: Entry[];
}

const ARTICLES = /^(?:the|la|le|les|l|el|los|las|il|lo|gli)\s+/;

/** Lower case, no accents, punctuation as spaces, single spaces, no leading article. */
export function normaliseUnitText(s: string): string {
  return foldText(s)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(ARTICLES, '')
    .trim();
}

/** Trigrams of a normalised text, as pg_trgm makes them (each word padded: "  w", "wo", ..., "d "). */
export function trigrams(normalised: string): Set<string> {
  const set = new Set<string>();
  for (const word of normalised.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

/** pg_trgm's similarity(): shared trigrams over all trigrams of both. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

export function buildDirectory(units: DirectoryUnit[]): Directory {
  const exact = new Map<string, DirectoryUnit>();
  const entries: Entry[] = [];
  for (const unit of units) {
    const keys = [...new Set([unit.name, ...unit.aliases].map(normaliseUnitText).filter(Boolean))];
    for (const k of keys) if (!exact.has(k)) exact.set(k, unit);
    entries.push({ unit, keys, trigrams: keys.map(trigrams) });
  }
  return { exact, entries };
}

/** Close matches below this similarity are not worth a person's look. */
export const CLOSE_THRESHOLD = 0.3;
const MAX_CLOSE = 3;

/** Separators that always end a unit: commas, semicolons, line breaks, bullets. */
const HARD = /[,;\n\r•·|]+/;
/**
 * Conjunctions between units: English, French, Spanish, Italian ("e" and "y" lower case only), and
 * "&" with a space beside it ("M&E officer" and "R&D" are one name each).
 */
const CONJUNCTION = /\s+&\s*|\s*&\s+|\s+(?:[Aa][Nn][Dd]|[Ee][Tt]|y|e)\s+/;
/** A piece that looks like an acronym ("PSD", "HRM", "ROs"): slashes between those separate units. */
const ACRONYM = /^[A-Z][A-Za-z0-9.]{1,9}$/;

const clean = (s: string) =>
  s
    .replace(/^[\s\-–—*•.:()]+|[\s\-–—*•.:(]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The parts of a "Responsible unit(s)" text. A segment that is itself a unit's name stays whole
 * ("Monitoring and Evaluation Unit"); otherwise it is cut at conjunctions, and a piece at
 * slashes when the slash pieces are units or acronyms ("PSD/HRM" → "PSD", "HRM").
 */
export function splitResponsible(text: string, directory: Directory): string[] {
  const known = (s: string) => directory.exact.has(normaliseUnitText(s));
  const parts: string[] = [];
  for (const segment of text.split(HARD).map(clean)) {
    if (!segment) continue;
    if (known(segment)) {
      parts.push(segment);
      continue;
    }
    for (const piece of segment.split(CONJUNCTION).map(clean)) {
      if (!piece) continue;
      if (known(piece) || !piece.includes('/')) {
        parts.push(piece);
        continue;
      }
      const slashed = piece.split('/').map(clean).filter(Boolean);
      const separate = slashed.some(known) || slashed.every((s) => ACRONYM.test(s));
      parts.push(...(separate ? slashed : [piece]));
    }
  }
  // The same unit written twice is one part.
  const seen = new Set<string>();
  return parts.filter((p) => {
    const key = normaliseUnitText(p);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What one part may mean: the unit it names exactly, or up to three close ones. */
export function matchPart(part: string, directory: Directory): UnitProposal {
  const key = normaliseUnitText(part);
  const exact = directory.exact.get(key);
  if (exact) return { part, matches: [{ unitId: exact.id, name: exact.name, exact: true }] };
  const mine = trigrams(key);
  const words = new Set(key.split(' '));
  const scored: { unit: DirectoryUnit; score: number }[] = [];
  for (const entry of directory.entries) {
    let score = 0;
    entry.keys.forEach((k, i) => {
      let s = similarity(mine, entry.trigrams[i]);
      // Every word of the unit's name is in the part ("Not City coordinators", "Country Offices in Asia").
      if (k.split(' ').every((w) => words.has(w))) s = Math.max(s, 0.5);
      score = Math.max(score, s);
    });
    if (score >= CLOSE_THRESHOLD) scored.push({ unit: entry.unit, score });
  }
  scored.sort((a, b) => b.score - a.score || a.unit.name.localeCompare(b.unit.name));
  return {
    part,
    matches: scored
      .slice(0, MAX_CLOSE)
      .map(({ unit }) => ({ unitId: unit.id, name: unit.name, exact: false })),
  };
}

/** Every part of a text with its matches. */
export function proposeUnits(text: string | null | undefined, directory: Directory): UnitProposal[] {
  if (!text?.trim()) return [];
  return splitResponsible(text, directory).map((part) => matchPart(part, directory));
}

/** The units a text names exactly: what an import links without asking. */
export function exactUnitIds(proposals: UnitProposal[]): string[] {
  return [...new Set(proposals.flatMap((p) => p.matches.filter((m) => m.exact).map((m) => m.unitId)))];
}
