/**
 * How the lines of a PDF's text join again: a line wrapped onto the next (at a space or at a
 * hyphen), and a table row a page break cut in two (`continues` tells it from a new row).
 */
import type { PageData } from './pdfLayout.js';

/** A line that starts an item, a label or a number is never the end of the line above. */
export const STARTS_ITEM =
  /^(?:[-•*–▪◦●]\s|\d+(?:\.\d+)*[.)]?\s|(?:[A-Z]|[IVXLC]{1,7})\.\d{1,3}\.?\s|\(?[a-z]\)\s|[IVX]+[.)]\s|[^\s:]+(?:\s+[^\s:]+){0,6}\s*(?:\([^)]*\))?\s*:)/i;

export const ENDS_SENTENCE = /[.!?;:)»”"]$/;
const STARTS_LOWER = /^[\p{Ll}]/u;

/**
 * Whether the row at the top of a page is the rest of the row a page break cut: it starts in
 * lower case, or it leaves empty a column the cut row had filled while writing only where that
 * row wrote, or it carries on a cell whose text stopped mid-sentence (and starts no new item).
 */
export function continues(prev: string[], next: string[]): boolean {
  const filled = next.map((c, i) => [c.trim(), (prev[i] ?? '').trim()] as const).filter(([c]) => c);
  if (filled.length === 0) return false;
  // "– Área de comunicación" after a cell that stopped mid-sentence: the line broke before the dash.
  const [c0, p0] = filled[0];
  if (/^[–—-]\s/.test(c0) && p0 && !ENDS_SENTENCE.test(p0)) return true;
  if (filled.some(([c]) => STARTS_ITEM.test(c) && !STARTS_LOWER.test(c))) return false;
  if (filled.some(([c]) => STARTS_LOWER.test(c))) return true;
  // The first cell written starts a sentence where the cut row's ended one: a new row.
  const [first, above] = filled[0];
  // A cell holding only the 2022 template's "(Time 0)" was cut before its label.
  if (/^\((?:time|temps|tiempo|tempo)\s*\d{1,2}\)$/i.test(above)) return true;
  if (!above || (ENDS_SENTENCE.test(above) && /^[\p{Lu}\p{N}]/u.test(first))) return false;
  const onlyWherePrevWrote = filled.every(([, p]) => p !== '');
  const leftEmpty = next.some((c, i) => !c.trim() && (prev[i] ?? '').trim());
  return onlyWherePrevWrote && leftEmpty;
}

/** The two halves of a cell a page break cut. */
export function joinCut(
  before: string,
  after: string,
  hyphenated: Set<string> | Map<string, number>,
): string {
  if (!after) return before;
  if (!before) return after;
  const first = after.split('\n')[0];
  if (ENDS_SENTENCE.test(before) && !STARTS_LOWER.test(first)) return `${before}\n${after}`;
  return joinWrapped(before, after, hyphenated);
}

/**
 * Endings a word cut by hyphenation leaves on the next line ("rehabili-" / "tation",
 * "intégra-" / "tion", "informa-" / "ción"): a line that starts with one continues the word.
 */
const WORD_END =
  /^(?:t?ions?|t?ation|sions?|ments?|ings?|ities|ity|ances?|ences?|[ai]bles?|ally|ness|ships?|ively|ique|iques|isme|eurs?|aires?|ations?|ción|ciones|sión|siones|dad|dades|mente|mientos?|ciente|cia|cias)\b/u;

/**
 * A line wrapped onto the next: joined by a space, or at a hyphen. A hyphen that cut a word
 * ("inter-" / "national") is dropped when the document writes the whole word elsewhere, or when
 * the next line starts with a word's ending; a hyphen the document writes inside that word
 * ("follow-up") or that joins two words ("fast-" / "track", "Al-" / "Salam") is kept. A soft
 * hyphen is always dropped. `words` holds the document's words, with and without hyphens.
 */
export function joinWrapped(before: string, after: string, words: Set<string> | Map<string, number>): string {
  // How often the document writes a word: a fragment is itself written once, where the line starts.
  const times = (w: string) => (words instanceof Map ? (words.get(w) ?? 0) : words.has(w) ? 2 : 0);
  if (before.endsWith('\u00ad') && /^\p{L}/u.test(after)) return `${before.slice(0, -1)}${after}`;
  const m = before.match(/(\p{L}+)-$/u);
  if (m && STARTS_LOWER.test(after)) {
    const rest = after.match(/^\p{L}+/u)?.[0] ?? '';
    const left = m[1].toLowerCase();
    const right = rest.toLowerCase();
    if (times(`${left}-${right}`) > 0) return `${before}${after}`;
    if (times(`${left}${right}`) > 0 || WORD_END.test(right)) return `${before.slice(0, -1)}${after}`;
    // "fast-" / "track": the second half is a word the document writes elsewhere, so the hyphen joins two words.
    if (times(right) >= 2) return `${before}${after}`;
    return `${before.slice(0, -1)}${after}`;
  }
  // "Al-" / "Salam", "2023-" / "2024": a hyphen that joins, kept, with no space after it.
  if (/[\p{L}\p{N}]-$/u.test(before) && /^[\p{L}\p{N}]/u.test(after)) return `${before}${after}`;
  return `${before} ${after}`;
}

/** The words a document writes on one line, lower case, with their hyphens ("follow-up", "national"). */
export function hyphenatedWords(pages: PageData[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const page of pages)
    for (const p of page.pieces)
      for (const m of p.str.matchAll(/\p{L}+(?:-\p{L}+)*(?![-\p{L}])/gu)) {
        const w = m[0].toLowerCase();
        out.set(w, (out.get(w) ?? 0) + 1);
      }
  return out;
}
