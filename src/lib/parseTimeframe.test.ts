import { describe, expect, it } from 'vitest';
import { mentionsFundingCondition, parseTimeframe } from './parseTimeframe.js';

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

  describe('Spanish', () => {
    it.each([
      ['enero de 2025', '2025-01-01', '2025-01-31'],
      ['ene. 2025', '2025-01-01', '2025-01-31'],
      ['Setiembre 2024', '2024-09-01', '2024-09-30'],
      ['dic. de 2024', '2024-12-01', '2024-12-31'],
      ['primer trimestre de 2024', '2024-01-01', '2024-03-31'],
      ['Cuarto trimestre 2024', '2024-10-01', '2024-12-31'],
      ['T1 2024', '2024-01-01', '2024-03-31'],
      ['Segundo semestre de 2024', '2024-07-01', '2024-12-31'],
      ['primer semestre del 2025', '2025-01-01', '2025-06-30'],
      ['2024-2025', '2024-01-01', '2025-12-31'],
      ['de enero a junio de 2025', '2025-01-01', '2025-06-30'],
      ['Abril – mayo de 2025', '2025-04-01', '2025-05-31'],
      ['desde enero hasta junio de 2025', '2025-01-01', '2025-06-30'],
      ['del 1 de enero al 30 de junio de 2025', '2025-01-01', '2025-06-30'],
      ['entre enero y marzo de 2025', '2025-01-01', '2025-03-31'],
      ['durante el primer semestre de 2025', '2025-01-01', '2025-06-30'],
    ])('reads %s as a window', (text, from, to) => {
      expect(due(text, null)).toEqual({
        due: { from, to, inferred: false },
        fundingConditional: false,
        kind: 'window',
      });
    });

    it.each([
      ['fines de 2024', '2024-12-31'],
      ['A finales de 2024', '2024-12-31'],
      ['finales de junio de 2024', '2024-06-30'],
      ['antes de diciembre de 2024', '2024-12-31'],
      ['antes del 30 de junio de 2024', '2024-06-30'],
      ['hasta marzo de 2025', '2025-03-31'],
      ['a más tardar en marzo de 2025', '2025-03-31'],
      ['para finales del primer trimestre de 2025', '2025-03-31'],
      ['mediados de 2024', '2024-06-30'],
      ['a mediados de junio de 2025', '2025-06-15'],
    ])('reads the deadline %s', (text, to) => {
      expect(due(text, null).due).toEqual({ from: null, to, inferred: false });
    });

    it('takes a month without a year from the evaluation', () => {
      expect(due('de enero a marzo', 2024).due).toEqual({
        from: '2024-01-01',
        to: '2024-03-31',
        inferred: true,
      });
    });

    it.each(['continuo', 'en curso', 'Permanente', 'no aplica', 'de forma continua'])(
      '%s has no deadline',
      (text) => {
        expect(due(text).kind).toBe('none');
      },
    );

    it.each(['por definir', 'A determinar', 'por confirmar'])('%s: no deadline set yet', (text) => {
      expect(due(text)).toMatchObject({
        due: null,
        kind: 'unreadable',
        problem: 'no deadline has been set yet',
      });
    });

    it.each(['a partir de enero de 2025', 'desde marzo de 2025', '2025 en adelante'])(
      '%s is a start, not a deadline',
      (text) => {
        expect(due(text)).toMatchObject({
          due: null,
          kind: 'unreadable',
          problem: expect.stringMatching(/starts/),
        });
      },
    );
  });

  describe('French', () => {
    it.each([
      ['fin 2024', null, '2024-12-31'],
      ["d'ici fin juin 2025", null, '2025-06-30'],
      ['au plus tard en mars 2025', null, '2025-03-31'],
      ['au plus tard le 30 juin 2025', null, '2025-06-30'],
      ['fin du premier trimestre 2025', null, '2025-03-31'],
      ['mi-2024', null, '2024-06-30'],
      ['mi-juin 2025', null, '2025-06-15'],
      ['courant 2024', '2024-01-01', '2024-12-31'],
      ['dans le courant du premier semestre 2025', '2025-01-01', '2025-06-30'],
      ['début 2025', '2025-01-01', '2025-03-31'],
      ['début mars 2025', '2025-03-01', '2025-03-31'],
      ["d'ici début 2025", null, '2025-03-31'],
    ])('reads %s', (text, from, to) => {
      expect(due(text, null)).toEqual({
        due: { from, to, inferred: false },
        fundingConditional: false,
        kind: 'window',
      });
    });

    it('keeps dès and à partir de as starts', () => {
      expect(due('à partir de janvier 2025').problem).toMatch(/starts/);
      expect(due('dès 2025').problem).toMatch(/starts/);
    });

    it('reads "From September 2024" alone as a start, and "from … to …" as a window', () => {
      expect(due('From September 2024').problem).toMatch(/starts/);
      expect(due('from January to June 2025').due).toEqual({
        from: '2025-01-01',
        to: '2025-06-30',
        inferred: false,
      });
    });
  });

  it('keeps reading Italian', () => {
    expect(due('entro la fine del 2024', null).due).toEqual({
      from: null,
      to: '2024-12-31',
      inferred: false,
    });
    expect(due('da gennaio a marzo 2025', null).due).toEqual({
      from: '2025-01-01',
      to: '2025-03-31',
      inferred: false,
    });
    expect(due('secondo semestre 2024', null).due).toEqual({
      from: '2024-07-01',
      to: '2024-12-31',
      inferred: false,
    });
    expect(due('in corso').kind).toBe('none');
  });

  describe('relative to something the matrix does not date', () => {
    it.each([
      '1 à 3 mois après le début du projet',
      'within 6 months of the project start',
      'dentro de los 3 meses siguientes al inicio',
      'Au démarrage du projet',
      'two weeks after project launch',
    ])('%s gives no window', (text) => {
      // Even with the response date: it is not the project's start.
      const r = due(text, 2024, '2024-03-15');
      expect(r.due).toBeNull();
      expect(r.kind).toBe('unreadable');
      expect(r.problem).toBe('it is relative to the start of the project, which the matrix does not date');
    });

    it.each([
      '1 à 3 mois après l’adoption des horaires',
      '6 months after approval of the strategy',
      '1 à 3 mois après le début du marché',
    ])('%s gives no window', (text) => {
      expect(due(text, 2024, '2024-03-15')).toMatchObject({
        due: null,
        kind: 'unreadable',
        problem: 'it is relative to an event that the matrix does not date',
      });
    });

    it('still reads "within 6 months" from the response date, in Spanish too', () => {
      expect(due('dentro de los 6 meses', 2024, '2024-01-31').due).toEqual({
        from: '2024-01-31',
        to: '2024-07-31',
        inferred: true,
      });
    });
  });

  describe('funding conditions', () => {
    const conditions = [
      'Conditional on the reception of dedicated funding',
      'subject to funding',
      'Subject to the availability of funds',
      'depending on donor funding',
      'if funding is secured',
      'upon availability of resources',
      'contingent on funding',
      'funding permitting',
      'sous réserve de financement',
      'Sous réserve de la disponibilité des fonds',
      'en fonction des financements obtenus',
      'selon les ressources disponibles',
      "sous réserve d'obtention de fonds",
      'si les fonds le permettent',
      'sujeto a la disponibilidad de fondos',
      'Sujeto a financiación',
      'condicionado a la obtención de fondos',
      'en función de los recursos disponibles',
      'dependiendo del financiamiento',
      'si se obtienen los fondos',
      'subordinato alla disponibilità di fondi',
    ];

    it.each(conditions)('%s is a funding condition, alone or after a date', (text) => {
      expect(mentionsFundingCondition(text)).toBe(true);
      expect(due(text)).toEqual({ due: null, fundingConditional: true, kind: 'none' });
      const r = due(`Q2 2025, ${text}`);
      expect(r).toEqual({
        due: { from: '2025-04-01', to: '2025-06-30', inferred: false },
        fundingConditional: true,
        kind: 'window',
      });
    });

    it('finds the condition anywhere in an action or a comment, across lines', () => {
      expect(
        mentionsFundingCondition(
          'Extend the programme to two more regions, subject to\nthe availability of funds.',
        ),
      ).toBe(true);
      expect(mentionsFundingCondition('Un second cycle sera organisé sous réserve de financement.')).toBe(
        true,
      );
    });

    it.each([
      'funds were transferred in May 2024',
      'Los fondos fueron transferidos en mayo de 2024',
      'conditional cash transfers to 500 households',
      'Subject to approval by the board',
      'Depending on the results of the survey, the team will revise the budget',
      'upon completion of the budget review',
    ])('%s is no funding condition', (text) => {
      expect(mentionsFundingCondition(text)).toBe(false);
      expect(due(text).fundingConditional).toBe(false);
    });

    it('keeps the date when the condition comes first or holds it', () => {
      expect(due('Sujeto a financiación, primer semestre de 2025').due).toEqual({
        from: '2025-01-01',
        to: '2025-06-30',
        inferred: false,
      });
      expect(due('sujeto a financiación en 2025').due).toEqual({
        from: '2025-01-01',
        to: '2025-12-31',
        inferred: false,
      });
      expect(due('If funding is secured: Q3 2025').due).toEqual({
        from: '2025-07-01',
        to: '2025-09-30',
        inferred: false,
      });
      expect(due('fin 2025 et sous réserve de financement').due).toEqual({
        from: null,
        to: '2025-12-31',
        inferred: false,
      });
    });
  });

  it('reads long hostile inputs in one pass', () => {
    // 100 000 characters each; the regexes must stay linear (see the comments in timeframeWords.ts).
    const long = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length));
    for (const unit of [
      'de ',
      'a ',
      'à ',
      'de la ',
      'en el ',
      'subject to the ',
      'sous réserve de ',
      'si se ',
      '1 ',
      'mi-',
    ]) {
      expect(due(long(unit))).toMatchObject({ due: null, fundingConditional: false, kind: 'unreadable' });
      expect(mentionsFundingCondition(long(unit))).toBe(false);
    }
    for (const unit of ['subject to funding ', 'subject to funding - ', 'funds permitting ']) {
      expect(due(long(unit))).toEqual({ due: null, fundingConditional: true, kind: 'none' });
    }
  });
});
