import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
// The words of the app's frame and of the pages a visitor opens first (signing in, the catalogue):
// a first load carries these, not the whole of English (see `englishInFull`).
import {
  accounts,
  action,
  actions,
  area,
  common,
  criterion,
  errors,
  nav,
  practiceStatus,
  practices,
  recommendation,
  response,
  roles,
  status,
} from './locales/en.json';

/** The app's languages, each named in itself (the picker lists them so). Arabic is laid out right to left. */
export const LANGUAGES = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  ar: 'العربية',
} as const;

/**
 * English's first words are in the app's first chunk (English is also the fallback); each other
 * language is a chunk of its own, fetched when it is first needed, so a first load carries one language, not five. i18next asks
 * this backend for a language before it shows it: the first language before `ready` settles (the app
 * renders after that, main.tsx), a chosen one before `changeLanguage` switches.
 */
const OTHER_LANGUAGES: Record<string, () => Promise<{ default: ResourceKey }>> = {
  fr: () => import('./locales/fr.json'),
  es: () => import('./locales/es.json'),
  it: () => import('./locales/it.json'),
  ar: () => import('./locales/ar.json'),
};
const languageChunks: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = Object.hasOwn(OTHER_LANGUAGES, language) ? OTHER_LANGUAGES[language] : undefined;
    if (!load) return callback(null, {});
    load().then(
      (m) => callback(null, m.default),
      (e: Error) => callback(e, null),
    );
  },
};

/**
 * The rest of English, in a chunk of its own (the whole file, fetched once): every page but those a
 * visitor opens first waits for it before it shows (main.tsx), so no one sees a key for a word.
 */
let englishRest: Promise<void> | undefined;
export function englishInFull(): Promise<void> {
  englishRest ??= import('./locales/en.json?all').then((m) => {
    i18n.addResourceBundle('en', 'translation', m.default, true, false);
  });
  return englishRest;
}

/** A part of a first page loaded later (a dialog, a list shown on demand), with the rest of English. */
export function withAllWords<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), englishInFull()]).then(([m]) => m);
}

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

/**
 * Settles once the first language is there (at once for English, after its chunk for another; should
 * that fail, the app shows English). The app renders after it, so it never shows one language and then
 * another, and Suspense has nothing to wait for on a first load.
 */
export const ready: Promise<void> = i18n
  .use(initReactI18next)
  .use(languageChunks)
  .init({
    resources: {
      en: {
        translation: {
          accounts,
          action,
          actions,
          area,
          common,
          criterion,
          errors,
          nav,
          practiceStatus,
          practices,
          recommendation,
          response,
          roles,
          status,
        },
      },
    },
    // English is given here; the backend is asked only for the languages not given.
    partialBundledLanguages: true,
    lng: initial,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    // Words added later (the rest of English) show at once where they were missing.
    react: { bindI18nStore: 'added' },
  })
  .then(() => {
    applyToDocument(i18n.resolvedLanguage ?? initial);
    // From here on a change is someone's choice, and remembered. (The first language arrives as a
    // change too, once its chunk has loaded: it is not a choice.)
    i18n.on('languageChanged', (lng) => {
      if (typeof localStorage !== 'undefined') localStorage.setItem('integra.lang', lng);
      applyToDocument(lng);
    });
  });

export default i18n;
