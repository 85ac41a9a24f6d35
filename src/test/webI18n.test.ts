/** The web app's language setup: `<html lang dir>` are right from the first load, not only after a change. */
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

const load = async () => (await import('../../web/src/i18n.js')).default;

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
    const { documentElement } = browser('xx', 'fr-FR');
    await load();
    expect(documentElement.lang).toBe('en');
  });
});
