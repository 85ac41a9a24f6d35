import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import it from './locales/it.json';

export const LANGUAGES = { en: 'English', it: 'Italiano' } as const;

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('integra.lang') : null;
const browser = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, it: { translation: it } },
  lng: stored ?? (browser in LANGUAGES ? browser : 'en'),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem('integra.lang', lng);
  document.documentElement.lang = lng;
});

export default i18n;
