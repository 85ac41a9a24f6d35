/**
 * Import warnings in the reader's language. The server gives each warning a code and its params
 * (`importWarning.<code>` in the locales) beside its English text, which is shown only for a code
 * this app does not know. The place ("recommendation 2, action 2.1 (table 1, row 4)") is written by
 * the importers in a small fixed grammar; its words are translated one by one, its numbers kept.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export interface Warning {
  code?: string;
  params?: Record<string, string | number | string[]>;
  message: string;
  where: string;
}

/** The warning's text in the reader's language, or its English text for a code the app does not know. */
export function warningText(t: TFunction, w: Pick<Warning, 'code' | 'params' | 'message'>): string {
  if (!w.code) return w.message;
  return t(`importWarning.${w.code}`, { ...w.params, defaultValue: w.message });
}

/** The grammar of places, most specific first: each pattern and the key that says it. */
const PLACES: [RegExp, string, (m: RegExpExecArray) => Record<string, string>][] = [
  [/^the whole document$/, 'place.document', () => ({})],
  [/^evaluation header$/, 'place.header', () => ({})],
  [/^recommendation (\S+?)$/, 'place.recommendation', (m) => ({ n: m[1] })],
  [/^action (.+)$/, 'place.action', (m) => ({ n: m[1].replaceAll(' and ', ', ') })],
  [/^practice (\d+)$/, 'place.practice', (m) => ({ n: m[1] })],
  [/^table (\d+)$/, 'place.table', (m) => ({ n: m[1] })],
  [/^row (\d+)$/, 'place.row', (m) => ({ n: m[1] })],
  [/^page (\d+)$/, 'place.page', (m) => ({ n: m[1] })],
  [/^line (\d+)$/, 'place.line', (m) => ({ n: m[1] })],
  [/^paragraph (\d+)$/, 'place.paragraph', (m) => ({ n: m[1] })],
  [/^timeframe$/, 'place.timeframe', () => ({})],
  [/^priority$/, 'place.priority', () => ({})],
  [/^management response$/, 'place.response', () => ({})],
];

/** One part of a place ("table 1"), in the reader's language; a part not in the grammar as written. */
function part(t: TFunction, text: string): string {
  if (/^".*"$/.test(text)) return text;
  for (const [re, key, params] of PLACES) {
    const m = re.exec(text);
    if (m) return t(key, params(m));
  }
  return text;
}

/** A place in the reader's language: "recommendation 2, timeframe (table 1, row 4)". */
export function placeText(t: TFunction, where: string): string {
  const m = /^(.*?)\s*\(([^()]*)\)$/.exec(where);
  const outer = m ? m[1] : where;
  const inner = m ? m[2] : null;
  // Parts are separated by ", " except inside a quoted question.
  const parts = (s: string) => (s.match(/"[^"]*"|[^,]+/g) ?? []).map((p) => part(t, p.trim()));
  const said = parts(outer).join(', ');
  return inner === null ? said : `${said} (${parts(inner).join(', ')})`;
}

/** Both, bound to the reader's language. */
export function useWarnings() {
  const { t } = useTranslation();
  return {
    text: (w: Pick<Warning, 'code' | 'params' | 'message'>) => warningText(t, w),
    place: (where: string) => placeText(t, where),
  };
}
