import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';
import it from './locales/it.json';

/** The app's languages, each named in itself (the picker lists them so). Arabic is laid out right to left. */
export const LANGUAGES = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
  ar: 'العربية',
} as const;

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

void i18n
  .use(initReactI18next)
  .init({
    resources: {
      en: { translation: en },
      fr: { translation: fr },
      es: { translation: es },
      it: { translation: it },
      ar: { translation: ar },
    },
    lng: initial,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  })
  .then(() => applyToDocument(i18n.resolvedLanguage ?? initial));

i18n.on('languageChanged', (lng) => {
  if (typeof localStorage !== 'undefined') localStorage.setItem('integra.lang', lng);
  applyToDocument(lng);
});

export default i18n;
