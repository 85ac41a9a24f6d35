import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

/** The app's languages, each named in itself (the picker lists them so). Arabic is laid out right to left. */
export const LANGUAGES = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  ar: 'العربية',
} as const;

/**
 * English is in the app's first chunk (it is also the fallback); another language is fetched, as its
 * own chunk, before the app shows it (first load or a change): a first load carries one language.
 */
const LOCALES: Record<string, () => Promise<{ default: unknown }>> = {
  fr: () => import('./locales/fr.json'),
  es: () => import('./locales/es.json'),
  it: () => import('./locales/it.json'),
  ar: () => import('./locales/ar.json'),
};
const lazyLocales: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = LOCALES[language];
    if (!load) return callback(null, {});
    load().then(
      (m) => callback(null, m.default as Record<string, unknown>),
      (e: Error) => callback(e, null),
    );
  },
};

const known = (lng: string | null | undefined): lng is keyof typeof LANGUAGES =>
  !!lng && Object.hasOwn(LANGUAGES, lng);

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('integra.lang') : null;
const browser = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
const initial = known(stored) ? stored : known(browser) ? browser : 'en';

/**
 * `<html lang dir>` follow the language: screen readers, hyphenation and spell checking read them, and
 * `dir="rtl"` (Arabic) lays the page out right to left — Mantine's styles and its DirectionProvider
 * follow the attribute.
 */
function applyToDocument(lng: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
}

// From the first load, not only after a change: a first visit in Italian is `lang="it"` at once.
applyToDocument(initial);

/** Settles once the first language is loaded (at once for English). */
export const ready: Promise<unknown> = i18n
  .use(initReactI18next)
  .use(lazyLocales)
  .init({
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    lng: initial,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  })
  .then(() => {
    applyToDocument(i18n.resolvedLanguage ?? initial);
    // From here on a change is someone's choice, remembered; the first language is not one.
    i18n.on('languageChanged', (lng) => {
      if (typeof localStorage !== 'undefined') localStorage.setItem('integra.lang', lng);
      applyToDocument(lng);
    });
  });

export default i18n;
