/**
 * Import warnings reach every reader in their language: each warning the importers give carries a
 * code and params, the English locale says exactly the server's English text from them, and every
 * other locale says it in its own words with the same values in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeText, warningText } from '../../web/src/shared/warnings.js';
import { importMatrixFile, importMatrixPaste } from '../modules/evaluations/import/importMatrixFile.js';
import { MATRIX_WARNING_CODES } from '../modules/evaluations/model.js';
import { importPracticePages } from '../modules/practices/import/importPracticePages.js';
import { practiceImportWarningSchema } from '../modules/practices/model.js';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const locale = (lang: string) => JSON.parse(readFileSync(here(`../../web/src/locales/${lang}.json`), 'utf8'));
const LANGS = ['en', 'fr', 'es', 'it', 'ar'];

/** A matrix as an office might paste it, with most of what an importer has to warn about. */
const MESSY = `Management response matrix

Evaluation Title/Year: Final evaluation of the neighbourhood mentoring scheme
Year: unknown
Date: sometime in spring

Evaluation recommendation 1: Pair each newcomer family with a trained local mentor.
Recommendation to: Community unit
Priority level (1 to 3): High
Management response (Accept/Partially Accept/Reject): We will look into it.
Key actions	Timeframe or deadline	Responsible unit(s)	Implementation monitoring
			Comments or action taken	Status
1.1 Recruit twenty mentors	To be decided	Community unit		Parked
1.2 Train the mentors	Within 3 months of the project start	Training team
1.3 Match families and mentors	Q2 to Q4	Community unit

Evaluation recommendation 1: Publish a yearly mentoring report.
Recommendation to: M&E officer
Priority level (1 to 3): 2
Management response (Accept/Partially Accept/Reject):
Key actions	Timeframe or deadline	Responsible unit(s)	Implementation monitoring
			Comments or action taken	Status
1.1 Draft the first report	From March 2025	M&E officer
`;

type Said = {
  code?: string;
  params?: Record<string, string | number | string[]>;
  message: string;
  where: string;
};

async function everyWarning(): Promise<Said[]> {
  const out: Said[] = [...importMatrixPaste(MESSY).warnings];
  const dir = here('../modules/evaluations/import/fixtures/');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt') && !n.includes('practice'))) {
    out.push(...importMatrixPaste(readFileSync(`${dir}${name}`, 'utf8')).warnings);
  }
  for (const name of readdirSync(`${dir}matrices`).filter((n) => /\.(docx|pdf)$/.test(n))) {
    out.push(...(await importMatrixFile(readFileSync(`${dir}matrices/${name}`), name)).warnings);
  }
  const pages = readFileSync(here('../modules/practices/import/fixtures/two-practices.txt'), 'utf8');
  out.push(...importPracticePages(pages).warnings);
  // A page with a question and an item the framework does not have, and an item without a mark.
  out.push(
    ...importPracticePages(
      `Welcome walks\n\nInclusivity & Participation\nDoes the practice serve people by bicycle?\nWalks start at the station.\nChecklist\nMET Walks are held in three languages\nA walk every week\n`,
    ).warnings,
  );
  return out;
}

describe('import warnings in the reader’s language', () => {
  let warnings: Said[];
  const t: Record<string, i18n> = {};
  beforeAll(async () => {
    warnings = await everyWarning();
    for (const lang of LANGS) {
      t[lang] = i18next.createInstance();
      await t[lang].init({
        lng: lang,
        resources: { [lang]: { translation: locale(lang) } },
        interpolation: { escapeValue: false },
      });
    }
  });

  it('gives every warning a code whose English words are the server’s', () => {
    const codes = new Set(warnings.map((w) => w.code));
    // The messy matrix alone makes a dozen kinds of warning.
    expect(codes.size).toBeGreaterThanOrEqual(12);
    for (const w of warnings) {
      expect(w.code, w.message).toBeTruthy();
      expect(t.en.exists(`importWarning.${w.code}`), w.code).toBe(true);
      expect(warningText(t.en.t, w)).toBe(w.message);
    }
  });

  it('says each warning in French, Spanish, Italian and Arabic, with its values kept', () => {
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      for (const w of warnings) {
        const said = warningText(t[lang].t, w);
        expect(said, `${lang} ${w.code}`).not.toBe(w.message);
        for (const v of Object.values(w.params ?? {}).flat()) expect(said).toContain(String(v));
      }
    }
    const timeframe = warnings.find((w) => w.code === 'timeframe.notSet')!;
    expect(warningText(t.fr.t, timeframe)).toBe(
      'Le délai « To be decided » ne donne pas d’échéance : aucune date limite n’a encore été fixée'.replaceAll(
        '’',
        "'",
      ),
    );
  });

  it('has a key for every code the importers can give, found in their source', () => {
    // The schemas list the codes (TypeScript holds the importers to them).
    const codes = [
      ...MATRIX_WARNING_CODES,
      ...practiceImportWarningSchema.shape.code.unwrap().options,
    ] as string[];
    expect(codes).toContain('timeframe.startOnly');
    expect(codes.length).toBe(new Set(codes).size);
    for (const lang of LANGS)
      for (const code of codes) expect(t[lang].exists(`importWarning.${code}`), `${lang} ${code}`).toBe(true);
  });

  it('says the place of a warning in the reader’s words, numbers kept', () => {
    expect(placeText(t.fr.t, 'recommendation 2, action 2.1 and 2.2, timeframe (table 1, row 4)')).toBe(
      'recommandation 2, action 2.1, 2.2, délai (tableau 1, ligne 4)',
    );
    expect(placeText(t.es.t, 'evaluation header (page 3, line 12)')).toBe(
      'encabezado de la evaluación (página 3, línea 12)',
    );
    expect(placeText(t.en.t, 'practice 2, "Does it reach women?" (line 40)')).toBe(
      'practice 2, "Does it reach women?" (line 40)',
    );
    // Every place the importers wrote is said without an English word left in Arabic.
    for (const w of warnings) {
      expect(placeText(t.ar.t, w.where).replace(/"[^"]*"/g, ''), w.where).not.toMatch(
        /\b(recommendation|action|table|row|line|page|paragraph|header|timeframe|document)\b/,
      );
    }
  });
});
