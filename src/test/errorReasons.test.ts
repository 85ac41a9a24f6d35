/**
 * Refusals reach every reader in their language: each reason the server names (`.because(reason,
 * params)`) has words in every locale, which use only the values the server gives with it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const locale = (lang: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../web/src/locales/${lang}.json`, import.meta.url)), 'utf8'),
  );

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const path = join(dir, n);
    if (statSync(path).isDirectory()) return sources(path);
    return n.endsWith('.ts') && !n.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every reason named in the server's code, with the names of the values given with it. */
function reasonsInSource(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of sources(root)) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\.because\(\s*'(\w+)'(?:,\s*\{([^}]*)\})?/g)) {
      const params = (m[2] ?? '')
        .split(',')
        .map((p) => p.split(':')[0].trim())
        .filter(Boolean);
      const known = out.get(m[1]) ?? new Set<string>();
      for (const p of params) known.add(p);
      out.set(m[1], known);
    }
  }
  return out;
}

describe('reasons of refusals', () => {
  const reasons = reasonsInSource();

  it('are found in the server’s code', () => {
    expect(reasons.size).toBeGreaterThanOrEqual(20);
    expect([...(reasons.get('tooManyPages') ?? [])].sort()).toEqual(['max', 'name', 'pages']);
  });

  it.each(['en', 'fr', 'es', 'it', 'ar'])('are all said in %s, with the values the server gives', (lang) => {
    const said = locale(lang).errors.reason as Record<string, string>;
    for (const [reason, params] of reasons) {
      expect(said[reason], `${lang}: ${reason}`).toBeTruthy();
      const used = [...said[reason].matchAll(/\{\{(\w+)/g)].map((m) => m[1]);
      for (const p of used) expect(params.has(p), `${lang}: ${reason} uses {{${p}}}`).toBe(true);
    }
  });
});
