import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importPracticePages } from './importPracticePages.js';

const fixture = readFileSync(fileURLToPath(new URL('./fixtures/two-practices.txt', import.meta.url)), 'utf8');
const seedPath = fileURLToPath(
  new URL('../../../../../shared/seeds/003_1a4503dce7fa7caa.txt', import.meta.url),
);

describe('importPracticePages', () => {
  const { practices, warnings } = importPracticePages(fixture.replace(/\n/g, '\r\n'));
  const [cafes, mentoring] = practices;
  const q1 = cafes.assessment.questions[0];

  it('splits the file into practices with the title line before each page', () => {
    expect(practices.map((p) => p.title)).toEqual([
      'Welcome Cafés in Lower Saxony',
      'Mentoring for Young Jobseekers',
    ]);
    expect(cafes.assessment.framework).toBe('spring@1');
    expect(cafes.assessment.questions.map((q) => q.questionId)).toEqual(['IP1', null, 'EF2']);
    expect(mentoring.assessment.questions.map((q) => [q.criterion, q.questionId])).toEqual([
      ['Inclusivity & Participation', 'IP3'],
    ]);
  });

  it('keeps narratives whole, dashes inside sentences included', () => {
    expect(q1.narrative).toBe(
      'The cafés open on weekday evenings – after work and school – so that parents and working newcomers can come.\n\nVolunteers speak six languages between them.',
    );
  });

  it('gives a doubled "Inspiring tools:" label one entry, links included', () => {
    expect(q1.inspiringTools).toEqual(['Café handbook (PDF)', 'https://example.org/cafe-handbook']);
  });

  it('reads marks at the start of a line, with or without a space, and matches items by normalised text', () => {
    expect(q1.items.map((i) => [i.itemId, i.mark])).toEqual([
      ['IP1.1', 'met'],
      ['IP1.2', 'met'],
      ['IP1.3', 'not_met'],
      ['IP1.4', 'not_assessed'],
    ]);
    expect(cafes.assessment.questions[2].items.map((i) => i.mark)).toEqual(['met', 'not_met']);
  });

  it('warns about unmarked items, and keeps questions and items the framework does not know', () => {
    const messages = warnings.map((w) => w.message);
    expect(messages.filter((m) => /has no mark/.test(m))).toHaveLength(1);
    expect(messages.some((m) => /question "Does the practice measure how happy/.test(m))).toBe(true);
    expect(messages.some((m) => /"Run a volunteer survey every year\." matches no item/.test(m))).toBe(true);
    expect(cafes.assessment.questions[1].items).toEqual([
      { text: 'Run a volunteer survey every year.', itemId: null, mark: 'met' },
    ]);
  });

  it('ignores the site furniture after the last practice', () => {
    expect(JSON.stringify(practices)).not.toMatch(/Consortium|newsletter|rights reserved/);
  });

  it('refuses text with no practice page', () => {
    expect(() => importPracticePages('')).toThrow(/empty/);
    expect(() => importPracticePages('A shopping list.\nBread.\n')).toThrow(/No practice page found/);
  });
});

// The seed lives in ../shared beside our workspace; a clone without it skips these (the file is read inside the test).
describe.skipIf(!existsSync(seedPath))('the seed practice pages (../shared/seeds, when present)', () => {
  it('import as seven practices, with the two unmarked items and the unknown item as warnings', () => {
    const { practices, warnings } = importPracticePages(readFileSync(seedPath, 'utf8'));
    expect(practices).toHaveLength(7);
    expect(warnings).toHaveLength(3);
    expect(warnings.filter((w) => /has no mark/.test(w.message))).toHaveLength(2);
    expect(warnings.filter((w) => /matches no item/.test(w.message))).toHaveLength(1);
    expect(practices[0].assessment.questions[0].inspiringTools).toEqual(['INTERSOS report.']);
    const items = practices.flatMap((p) => p.assessment.questions.flatMap((q) => q.items));
    expect(items.filter((i) => i.mark === 'not_met').length).toBeGreaterThan(0);
    expect(items.filter((i) => i.itemId === null)).toHaveLength(1);
  });
});
