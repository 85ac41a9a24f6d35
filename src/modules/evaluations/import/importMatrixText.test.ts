import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importMatrixText, readResponse } from './importMatrixText.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const seedPath = fileURLToPath(
  new URL('../../../../../shared/seeds/000_276a55ae60865652.txt', import.meta.url),
);

describe('importMatrixText — classic template', () => {
  const { evaluation, warnings } = importMatrixText(fixture('classic-welcome-desks.txt'));
  const rec = (n: string) => evaluation.recommendations.find((r) => r.number === n)!;
  const action = (n: string) =>
    evaluation.recommendations.flatMap((r) => r.actions).find((a) => a.number === n)!;

  it('reads the header through CRLF line ends', () => {
    expect(evaluation.title).toBe('Mid-term evaluation of the “Welcome Desks for Newcomers” programme');
    expect(evaluation.period).toBe('March 2023 – July 2023');
    expect(evaluation.year).toBe(2023);
    expect(evaluation.owner).toBe('Programme Coordinator, Lena Okafor – Regional Office');
    expect(evaluation.evaluators).toBe('Brightline Consulting, namely Ana Ruiz and Tom Peters');
    expect(evaluation.statusTemplate).toBe('classic');
  });

  it('reads recommendations, priorities and responses from what the text says', () => {
    expect(evaluation.recommendations.map((r) => r.number)).toEqual(['1', '2', '3', '4']);
    expect(evaluation.recommendations.map((r) => r.priority)).toEqual([1, 2, null, 3]);
    expect(evaluation.recommendations.map((r) => r.response)).toEqual([
      'accepted',
      'partially_accepted',
      'rejected',
      null,
    ]);
    expect(rec('1').addressedTo).toBe('Programme management');
    expect(rec('3').addressedTo).toBe('M&E officer');
    expect(rec('2').priorityJustification).toBe('needed before the next intake');
    expect(rec('2').responseText).toBe(
      'Partially accepted. Translation into three languages is funded; testing is accepted.',
    );
  });

  it('turns a leaked <ol> list into lines without tags', () => {
    expect(rec('2').text).toBe(
      '1. To translate the intake forms into the five most spoken languages.\n2. To test the forms with newcomers before printing.',
    );
  });

  it('reads the key-action table, its columns and its statuses', () => {
    expect(rec('1').actions.map((a) => a.number)).toEqual(['1.1', '1.2']);
    expect(action('1.1')).toMatchObject({
      text: 'Pilot evening sessions in Turin and Bari',
      timeframe: 'Q3 2023 – Q1 2024',
      due: { from: '2023-07-01', to: '2024-03-31', inferred: false },
      responsible: 'City coordinators',
      comments: 'Pilot started in Turin',
      status: 'initiated',
      fundingConditional: false,
    });
    expect(action('1.2')).toMatchObject({
      due: { from: '2025-01-01', to: '2026-12-31', inferred: false },
      fundingConditional: true,
      comments: null,
    });
    expect(action('4.1').status).toBe('completed');
    expect(action('4.2')).toMatchObject({ status: 'not_initiated', due: null, timeframe: 'Continuous' });
  });

  it('splits actions run together on one line and continues broken rows', () => {
    expect(rec('2').actions.map((a) => a.number)).toEqual(['2.1', '2.2', '2.3', '2.4']);
    expect(action('2.1').text).toBe('Translate the forms into Arabic, Tigrinya and Ukrainian');
    expect(action('2.2').text).toBe('Run two testing sessions with newcomers');
    expect(action('2.2').responsible).toBe('Communication unit with the intake team');
    expect(action('2.2').due).toEqual({ from: null, to: '2023-06-30', inferred: false });
    expect(action('2.3')).toMatchObject({ text: 'N/A as already covered by 2.1', noActionNeeded: true });
    expect(action('2.4').timeframe).toBe('N/A');
    expect(action('2.4').noActionNeeded).toBe(true);
    expect(action('2.2').noActionNeeded).toBe(false);
  });

  it('drops template instructions, which are not data', () => {
    const all = JSON.stringify(evaluation);
    expect(all).not.toMatch(/Complete this field|Do not complete/);
  });

  it('warns about what it could not read, with where it was', () => {
    const messages = warnings.map((w) => `${w.where}: ${w.message}`);
    expect(
      messages.some((m) => /recommendation 4, management response/.test(m) && /left empty/.test(m)),
    ).toBe(true);
    expect(
      messages.some((m) => /action 4\.1, timeframe/.test(m) && /when the new premises open/.test(m)),
    ).toBe(true);
    expect(action('4.1').due).toBeNull();
  });
});

describe('importMatrixText — 2022 template', () => {
  const { evaluation, warnings } = importMatrixText(fixture('2022-language-courses.txt'));
  const [r1, r2, r3] = evaluation.recommendations;

  it('recognises the template and its header', () => {
    expect(evaluation.statusTemplate).toBe('2022');
    expect(evaluation).toMatchObject({
      title: 'Final evaluation of the Language for Work project',
      year: 2024,
      evaluators: 'Civic Research Partners',
      publishedOn: '2024-03-15',
      overallComment: 'The findings are useful and will shape the second phase.',
    });
  });

  it('reads bulleted key actions with deadlines in parentheses', () => {
    expect(r1.actions.map((a) => [a.number, a.text, a.timeframe, a.responsible])).toEqual([
      ['1.1', 'Schedule two evening groups per term', 'Q2 2024', 'Training unit'],
      ['1.2', 'Recruit one more teacher', 'by end of 2024', 'Training unit'],
    ]);
    expect(r1.actions[1].due).toEqual({ from: null, to: '2024-12-31', inferred: false });
    expect(r2.actions[0].due).toEqual({ from: '2024-07-01', to: '2024-09-30', inferred: false });
    expect(r2.actions[1]).toMatchObject({
      fundingConditional: true,
      due: { from: '2025-01-01', to: '2026-12-31' },
    });
    expect(r2.actions[2]).toMatchObject({ text: 'Track certificates in the learner database', due: null });
  });

  it('reads responses, recommendation statuses and comments', () => {
    expect(evaluation.recommendations.map((r) => r.response)).toEqual([
      'accepted',
      'partially_accepted',
      'rejected',
    ]);
    expect(evaluation.recommendations.map((r) => r.status)).toEqual(['open', null, 'discarded']);
    expect(r1.comments).toBe('First evening group opened in April.');
    expect(r1.addressedTo).toBe('Training unit');
    expect(r3.comments).toBe('Decision confirmed at the steering committee.');
    expect(warnings.filter((w) => /status/i.test(w.message))).toEqual([]);
  });
});

describe('importMatrixText — bad input', () => {
  it('refuses an empty file', () => {
    expect(() => importMatrixText('  \n\n')).toThrow(/empty/);
  });
  it('refuses text that is not a matrix', () => {
    expect(() =>
      importMatrixText('Dear colleagues,\nplease find the minutes of the meeting attached.\n'),
    ).toThrow(/No recommendation found/);
  });
  it('keeps text it cannot place as notes, with a warning', () => {
    const r = importMatrixText(
      'A stray preface line.\nEvaluation recommendation 1: Do it.\nManagement response: Accepted.\n',
    );
    expect(r.evaluation.notes).toContain('A stray preface line.');
    expect(r.warnings.some((w) => /stray preface/.test(w.message) && /line 1/.test(w.where))).toBe(true);
    expect(r.evaluation.title).toBe('Untitled evaluation');
  });
  it('leaves a priority outside 1–3 empty with a warning and keeps what was written', () => {
    const r = importMatrixText('Evaluation recommendation 1: Do it.\nPriority level (1 to 3): 7\n');
    expect(r.evaluation.recommendations[0].priority).toBeNull();
    expect(r.evaluation.recommendations[0].priorityJustification).toBe('7');
    expect(r.warnings.some((w) => /priority "7"/.test(w.message))).toBe(true);
  });
});

describe('readResponse', () => {
  it.each([
    ['Recommendation accepted. We will…', 'accepted'],
    ['Partially accepted as some parts are ongoing.', 'partially_accepted'],
    ['Rejected. This is already in place.', 'rejected'],
    ['Reject.', 'rejected'],
    ['IOM accepts the recommendation.', 'accepted'],
    ['This recommendation is rejected because of budget.', 'rejected'],
    ['Recommandation partiellement acceptée.', 'partially_accepted'],
    ['The project has already developed a workplan.', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(readResponse(text)).toBe(expected);
  });
});

// The seed lives in ../shared beside our workspace; a clone without it skips this (the file is read inside the test).
describe.skipIf(!existsSync(seedPath))('the seed matrix (../shared/seeds, when present)', () => {
  it('imports 8 recommendations with their priorities and actions', () => {
    const { evaluation } = importMatrixText(readFileSync(seedPath, 'utf8'));
    expect(evaluation.recommendations).toHaveLength(8);
    expect(evaluation.recommendations.map((r) => r.priority)).toEqual([1, 2, 2, null, 3, 3, null, 1]);
    expect(evaluation.recommendations.map((r) => r.response)).toEqual([
      'accepted',
      null,
      'partially_accepted',
      'rejected',
      'accepted',
      'partially_accepted',
      'rejected',
      'accepted',
    ]);
    const numbers = evaluation.recommendations.flatMap((r) => r.actions.map((a) => a.number));
    expect(numbers).toEqual([
      '1.1',
      '2.1',
      '3.1',
      '4.1',
      '5.1',
      '5.2',
      '6.1',
      '6.2',
      '6.3',
      '7.1',
      '8.1',
      '8.2',
    ]);
    // Seven rows say "N/A as already developed / planned": kept, needing no action.
    const noAction = evaluation.recommendations.flatMap((r) =>
      r.actions.filter((a) => a.noActionNeeded).map((a) => a.number),
    );
    expect(noAction).toEqual(['1.1', '2.1', '4.1', '5.1', '6.2', '6.3', '7.1']);
    const a52 = evaluation.recommendations[4].actions[1];
    expect(a52.due).toEqual({ from: '2022-04-01', to: '2022-12-31', inferred: true });
    const a61 = evaluation.recommendations[5].actions[0];
    expect(a61.text).toMatch(/reach both an internal and external audience$/);
  });
});
