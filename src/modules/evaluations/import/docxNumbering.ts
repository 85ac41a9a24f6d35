/**
 * Word's list numbering: numbering.xml says, for each list (numId) and level, the number format
 * ("decimal", "upperRoman", "upperLetter", "bullet"…), the text shown ("%1.", "%1.%2", "(%1)")
 * and where counting starts. A paragraph of a list shows that text with its counters, as Word
 * draws it: "IV.", "B)", "2.3", "•".
 */
import { attr, isW, readXml } from './docxArchive.js';

interface Level {
  format: string;
  /** "%1." — %n is the counter of level n (1-based). */
  text: string | null;
  start: number;
}

/** numId → level → its format, text and start. */
export type ListFormats = Map<string, Map<string, Level>>;

export function readNumbering(xml: Buffer | undefined, name: string): ListFormats {
  const formats: ListFormats = new Map();
  if (!xml) return formats;
  const abstract = new Map<string, Map<string, Level>>();
  const nums: [string, string][] = [];
  let levels: Map<string, Level> | null = null;
  let level: Level | null = null;
  let num: [string, string] | null = null;
  /** numId → level → the start a "Set numbering value" gives it (w:lvlOverride/w:startOverride). */
  const overrides = new Map<string, Map<string, number>>();
  let overrideLevel: string | null = null;
  readXml(xml, name, {
    open(tag, depth) {
      if (depth === 2) {
        levels = null;
        num = null;
        if (isW(tag, 'abstractNum')) {
          levels = new Map();
          abstract.set(attr(tag, 'abstractNumId') ?? '', levels);
        } else if (isW(tag, 'num')) {
          num = [attr(tag, 'numId') ?? '', ''];
          nums.push(num);
        }
      } else if (depth === 3) {
        level = null;
        if (levels && isW(tag, 'lvl')) {
          level = { format: 'bullet', text: null, start: 1 };
          levels.set(attr(tag, 'ilvl') ?? '0', level);
        } else if (num && isW(tag, 'abstractNumId') && !num[1]) num[1] = attr(tag, 'val') ?? '';
        overrideLevel = num && isW(tag, 'lvlOverride') ? (attr(tag, 'ilvl') ?? '0') : null;
      } else if (depth === 4 && num && overrideLevel !== null && isW(tag, 'startOverride')) {
        const start = Math.trunc(Number(attr(tag, 'val') ?? 1)) || 0;
        const byLevel = overrides.get(num[0]) ?? new Map<string, number>();
        byLevel.set(overrideLevel, start);
        overrides.set(num[0], byLevel);
      } else if (depth === 4 && level) {
        if (isW(tag, 'numFmt')) level.format = attr(tag, 'val') ?? 'bullet';
        else if (isW(tag, 'lvlText')) level.text = attr(tag, 'val');
        else if (isW(tag, 'start')) level.start = Math.trunc(Number(attr(tag, 'val') ?? 1)) || 0;
      }
    },
    close() {},
    text() {},
  });
  for (const [numId, abstractId] of nums) {
    const levels = new Map(abstract.get(abstractId) ?? new Map<string, Level>());
    for (const [ilvl, start] of overrides.get(numId) ?? []) {
      levels.set(ilvl, { ...(levels.get(ilvl) ?? { format: 'decimal', text: null, start: 1 }), start });
    }
    formats.set(numId, levels);
  }
  return formats;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  let rest = Math.max(1, Math.min(n, 3999));
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: a … z, aa … zz.
  const k = Math.max(1, n);
  return String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);
}

/** A counter as its level's format writes it. */
function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counts the paragraphs of each list, as Word numbers them. */
export class ListCounter {
  private counts = new Map<string, number[]>();
  constructor(private formats: ListFormats) {}

  /** The marker a list paragraph shows: "1.", "IV.", "b)", "2.3" or "•"; '' when the level shows nothing. */
  marker(numId: string, ilvl: string): string {
    const levels = this.formats.get(numId);
    const depth = Math.max(0, Math.min(8, Math.trunc(Number(ilvl)) || 0));
    const level = levels?.get(String(depth)) ?? { format: 'bullet', text: null, start: 1 };
    const counts = this.counts.get(numId) ?? [];
    this.counts.set(numId, counts);
    for (let d = 0; d <= depth; d++) {
      if (counts[d] === undefined) counts[d] = (levels?.get(String(d))?.start ?? 1) - (d === depth ? 1 : 0);
    }
    counts[depth]++;
    // A deeper level starts again under each new item of this one.
    counts.length = depth + 1;
    if (level.format === 'bullet') return '•';
    if (level.text === null) return `${formatCounter(counts[depth], level.format)}.`;
    return level.text
      .replace(/%([1-9])/g, (_, k: string) => {
        const d = Number(k) - 1;
        const format = levels?.get(String(d))?.format ?? 'decimal';
        return formatCounter(counts[d] ?? 1, format === 'bullet' ? 'decimal' : format);
      })
      .trim();
  }
}
