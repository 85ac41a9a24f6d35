/**
 * The web app's words on the server, for what people read outside the app (spreadsheet exports): the
 * same locale files (web/src/locales), so a status is called the same in the app and in its export.
 */
import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';

export const READER_LANGUAGES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export type ReaderLanguage = (typeof READER_LANGUAGES)[number];

export const asReaderLanguage = (l: string | null | undefined): ReaderLanguage | null =>
  l && (READER_LANGUAGES as readonly string[]).includes(l) ? (l as ReaderLanguage) : null;

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(
    READER_LANGUAGES.map((l) => [
      l,
      {
        translation: JSON.parse(
          readFileSync(new URL(`../../web/src/locales/${l}.json`, import.meta.url), 'utf8'),
        ) as Record<string, unknown>,
      },
    ]),
  ),
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

const LOCALES: Record<ReaderLanguage, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
  ar: 'ar',
};

export interface Words {
  language: ReaderLanguage;
  t: TFunction;
  status: (s: string | null) => string | null;
  response: (r: string | null) => string | null;
  yesNo: (b: boolean | null) => string | null;
  /** "2026-03-01" → "1 March 2026", "1 mars 2026", "١ مارس ٢٠٢٦". */
  date: (iso: string) => string;
  /** A column's header: `export.column.<key>`. */
  header: (key: string) => string;
}

const cache = new Map<ReaderLanguage, Words>();

/** The words of one language (English for any other). */
export function wordsFor(language: string | null | undefined): Words {
  const lang = asReaderLanguage(language) ?? 'en';
  const known = cache.get(lang);
  if (known) return known;
  const t = i18n.getFixedT(lang);
  const long = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' });
  const words: Words = {
    language: lang,
    t,
    status: (s) => (s ? t(`status.${s}`, { defaultValue: s }) : null),
    response: (r) => (r ? t(`response.${r}`, { defaultValue: r }) : null),
    yesNo: (b) => (b === null ? null : t(b ? 'export.yes' : 'export.no')),
    date: (iso) => long.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
    header: (key) => t(`export.column.${key}`),
  };
  cache.set(lang, words);
  return words;
}
