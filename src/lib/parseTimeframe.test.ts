import { describe, expect, it } from 'vitest';
import { parseTimeframe } from './parseTimeframe.js';

const due = (s: string, year: number | null = 2022, referenceDate: string | null = null) =>
  parseTimeframe(s, { year, referenceDate });

describe('parseTimeframe', () => {
  it.each([
    ['Q2 2022', null, '2022-04-01', '2022-06-30', false],
    ['Q2 to Q4', 2022, '2022-04-01', '2022-12-31', true],
    ['Q4', 2022, '2022-10-01', '2022-12-31', true],
    ['Q3 2023 – Q1 2024', null, '2023-07-01', '2024-03-31', false],
    ['Q2-Q3 2023', null, '2023-04-01', '2023-09-30', false],
    ['January 2024', null, '2024-01-01', '2024-01-31', false],
    ['Second half of 2023', null, '2023-07-01', '2023-12-31', false],
    ['H1 2024', null, '2024-01-01', '2024-06-30', false],
    ['2024', null, '2024-01-01', '2024-12-31', false],
    ['2024-2025', null, '2024-01-01', '2025-12-31', false],
    ['March to June 2023', null, '2023-03-01', '2023-06-30', false],
    ['November 2023 - February 2024', null, '2023-11-01', '2024-02-29', false],
    ['T2 2025', null, '2025-04-01', '2025-06-30', false],
    ['janvier à mars 2025', null, '2025-01-01', '2025-03-31', false],
    ['premier semestre 2024', null, '2024-01-01', '2024-06-30', false],
    ['2023-04-01 – 2023-09-30', null, '2023-04-01', '2023-09-30', false],
    ['Q2 and Q3 2023', null, '2023-04-01', '2023-09-30', false],
    ['Q3 of 2023', null, '2023-07-01', '2023-09-30', false],
    ['2e semestre 2024', null, '2024-07-01', '2024-12-31', false],
    ['Second half of the year', 2022, '2022-07-01', '2022-12-31', true],
  ])('reads %s as a window', (text, year, from, to, inferred) => {
    const r = due(text, year);
    expect(r.kind).toBe('window');
    expect(r.due).toEqual({ from, to, inferred });
    expect(r.fundingConditional).toBe(false);
  });

  it.each([
    ['By end of June 2023', '2023-06-30', false],
    ['by end of 2025', '2025-12-31', false],
    ['By the end of Q3 2023', '2023-09-30', false],
    ["d'ici fin 2025", '2025-12-31', false],
    ['d’ici fin juin 2026', '2026-06-30', false],
    ['no later than 31/03/2024', '2024-03-31', false],
    ['by December', '2022-12-31', true],
    ['End-2024', '2024-12-31', false],
    ['mid-2024', '2024-06-30', false],
  ])('reads the deadline %s', (text, to, inferred) => {
    expect(due(text).due).toEqual({ from: null, to, inferred });
  });

  it('flags funding-conditional windows', () => {
    const r = due('(2025 – 2026 subject to availability of funds)');
    expect(r.due).toEqual({ from: '2025-01-01', to: '2026-12-31', inferred: false });
    expect(r.fundingConditional).toBe(true);
    expect(due('Q1 2025, sous réserve de financements').fundingConditional).toBe(true);
  });

  it.each([
    'N/A',
    'n/a',
    'Ongoing',
    'Continuous',
    'continuous effort over the next five years',
    'en continu',
    '',
    '--',
  ])('gives no due window for %j without complaint', (text) => {
    const r = due(text);
    expect(r.due).toBeNull();
    expect(r.kind).toBe('none');
  });

  it.each([
    'soon',
    'when the minister agrees',
    'Q7 2023',
    '31/02/2024',
    'Qwerty 2023',
    'June 2024 to March 2024',
  ])('refuses to guess a date for %j', (text) => {
    const r = due(text);
    expect(r.due).toBeNull();
    expect(r.kind).toBe('unreadable');
    expect(r.problem).toBeTruthy();
  });

  it('needs the evaluation year for a timeframe without one', () => {
    const r = due('Q2 to Q4', null);
    expect(r.kind).toBe('unreadable');
    expect(r.problem).toMatch(/year/);
  });

  it('reads relative timeframes from the response date', () => {
    expect(due('within 6 months', 2022, '2022-03-15').due).toEqual({
      from: '2022-03-15',
      to: '2022-09-15',
      inferred: true,
    });
    expect(due('within 6 months', 2022, null).kind).toBe('unreadable');
  });
});
