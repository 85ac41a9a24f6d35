/**
 * The web app's languages: `<html lang dir>` are right from the first load, not only after a change, and
 * every locale is complete — exactly the keys of en.json, the same placeholders, and the plural forms
 * i18next asks for in that language.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

function browser(stored: string | null, language: string) {
  const saved = new Map<string, string>(stored ? [['integra.lang', stored]] : []);
  const documentElement = { lang: 'en', dir: '' };
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => saved.set(k, v),
  });
  vi.stubGlobal('navigator', { language });
  vi.stubGlobal('document', { documentElement });
  return { documentElement, saved };
}

/** The app's i18n once its first language is there (languages other than English are chunks of their own). */
const load = async () => {
  const module = await import('../../web/src/i18n.js');
  await module.ready;
  return module.default;
};

describe('web i18n', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('sets <html lang="it" dir="ltr"> on a first load in Italian (the browser’s language)', async () => {
    const { documentElement, saved } = browser(null, 'it-IT');
    const i18n = await load();
    expect(documentElement).toEqual({ lang: 'it', dir: 'ltr' });
    expect(i18n.language).toBe('it');
    // Nothing is remembered until someone chooses.
    expect(saved.has('integra.lang')).toBe(false);
  });

  it('follows the language chosen before, then a change', async () => {
    const { documentElement, saved } = browser('it', 'en-GB');
    const i18n = await load();
    expect(documentElement.lang).toBe('it');
    await i18n.changeLanguage('en');
    expect(documentElement).toEqual({ lang: 'en', dir: 'ltr' });
    expect(saved.get('integra.lang')).toBe('en');
  });

  it('ignores a stored language the app does not have', async () => {
    const { documentElement } = browser('xx', 'de-DE');
    await load();
    expect(documentElement.lang).toBe('en');
  });

  it('lays Arabic out right to left, and back to left to right on a change', async () => {
    const { documentElement, saved } = browser('ar', 'en-GB');
    const i18n = await load();
    expect(documentElement).toEqual({ lang: 'ar', dir: 'rtl' });
    await i18n.changeLanguage('fr');
    expect(documentElement).toEqual({ lang: 'fr', dir: 'ltr' });
    await i18n.changeLanguage('ar');
    expect(documentElement.dir).toBe('rtl');
    expect(saved.get('integra.lang')).toBe('ar');
  });

  it('opens in French or Spanish for a browser in that language, and names each language in itself', async () => {
    browser(null, 'es-AR');
    const { LANGUAGES } = await import('../../web/src/i18n.js');
    expect((await load()).language).toBe('es');
    expect(LANGUAGES).toEqual({
      en: 'English',
      fr: 'Français',
      es: 'Español',
      it: 'Italiano',
      ar: 'العربية',
    });
  });

  it('carries English only on a first load in English, and fetches another language before showing it', async () => {
    const { documentElement } = browser(null, 'en-GB');
    const i18n = await load();
    expect(i18n.t('nav.practices')).toBe('Practices');
    expect(['fr', 'es', 'it', 'ar'].filter((l) => i18n.hasResourceBundle(l, 'translation'))).toEqual([]);
    const french = i18n.changeLanguage('fr');
    // Until French is there, the page stays in English: no mixture, no keys shown.
    expect(i18n.language).toBe('en');
    await french;
    expect(i18n.t('nav.practices')).toBe('Pratiques');
    expect(documentElement).toEqual({ lang: 'fr', dir: 'ltr' });
  });

  it('has the chosen language there when a first load in it is ready', async () => {
    browser('ar', 'en-GB');
    const i18n = await load();
    expect(i18n.hasResourceBundle('ar', 'translation')).toBe(true);
    expect(i18n.t('nav.practices')).not.toBe('Practices');
  });

  it('counts in Arabic with the six plural forms', async () => {
    browser('ar', 'ar');
    const i18n = await load();
    expect([0, 1, 2, 3, 11, 100].map((count) => i18n.t('units.count', { count }))).toEqual([
      'لا توجد وحدات',
      'وحدة واحدة',
      'وحدتان',
      '3 وحدات',
      '11 وحدة',
      '100 وحدة',
    ]);
  });
});

// ---- the locale files ----

type Tree = { [key: string]: string | Tree };
const LOCALES = ['en', 'fr', 'es', 'it', 'ar'] as const;
const read = (lng: string): Tree =>
  JSON.parse(readFileSync(new URL(`../../web/src/locales/${lng}.json`, import.meta.url), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string) => new Set([...text.matchAll(/{{\s*([\w.]+)[^}]*}}/g)].map((m) => m[1]));
/** The plural categories i18next asks for in a language (it uses Intl.PluralRules). */
const categories = (lng: string) => new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
/** A category that holds a single number (Arabic zero, one and two; English one) may leave the number out. */
const single = (lng: string, category: string) => {
  const rules = new Intl.PluralRules(lng);
  return Array.from({ length: 1001 }, (_, n) => n).filter((n) => rules.select(n) === category).length === 1;
};

/** Keys of a locale, with a word's plural forms folded into `word_#`. */
function shape(strings: Map<string, string>) {
  const keys = new Set<string>();
  const forms = new Map<string, Set<string>>();
  for (const key of strings.keys()) {
    const m = PLURAL.exec(key);
    if (!m) {
      keys.add(key);
      continue;
    }
    const base = key.slice(0, m.index);
    keys.add(`${base}_#`);
    forms.set(base, (forms.get(base) ?? new Set()).add(m[1]!));
  }
  return { keys, forms };
}

describe('web locale files', () => {
  const en = flatten(read('en'));
  const enShape = shape(en);

  it('has plural forms in English for every word that has any', () => {
    for (const [base, forms] of enShape.forms)
      expect([base, [...forms].sort()]).toEqual([base, ['one', 'other']]);
  });

  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (lng) => {
    const strings = flatten(read(lng));
    const { keys, forms } = shape(strings);

    it('has exactly the keys of en.json (no missing, no extra)', () => {
      expect({
        missing: [...enShape.keys].filter((k) => !keys.has(k)),
        extra: [...keys].filter((k) => !enShape.keys.has(k)),
      }).toEqual({ missing: [], extra: [] });
    });

    it('has every plural form i18next asks for in this language, and no other', () => {
      const wanted = [...categories(lng)].sort();
      for (const [base, got] of forms) expect([base, [...got].sort()]).toEqual([base, wanted]);
    });

    it('has no empty string', () => {
      expect([...strings].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    });

    it('keeps the placeholders of each English string', () => {
      const wrong: string[] = [];
      for (const [key, text] of strings) {
        const m = PLURAL.exec(key);
        const base = m ? key.slice(0, m.index) : key;
        // English has one and other: the other forms of a language read like English "other".
        const english = m ? (en.get(key) ?? en.get(`${base}_other`))! : en.get(key)!;
        const want = placeholders(english);
        if (m)
          for (const form of ['one', 'other'])
            for (const p of placeholders(en.get(`${base}_${form}`)!)) want.add(p);
        const got = placeholders(text);
        const extra = [...got].filter((p) => !want.has(p));
        const countOptional = m && (single(lng, m[1]!) || !placeholders(english).has('count'));
        const missing = [...want].filter((p) => !got.has(p) && !(p === 'count' && countOptional));
        if (extra.length || missing.length)
          wrong.push(`${key}: missing ${missing.join(',')} extra ${extra.join(',')}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});
