import { describe, expect, it } from 'vitest';
import { importMatrixText } from './importMatrixText.js';
import { textToLines } from './lines.js';
import { cutRecommendations } from './matrixBlocks.js';
import { cleanLines } from './matrixCleaning.js';
import { looksLikeHeaderContinuation } from './matrixKeyActions.js';

const cut = (text: string) => cutRecommendations(cleanLines(textToLines(text)));

describe('phase 3: cutting into recommendations', () => {
  it('starts a recommendation at each heading, whichever way it is numbered', () => {
    const { header, recommendations } = cut(
      [
        'Evaluation title/year: Mid-term review of the welcome centres, 2024',
        'Evaluation recommendation 1: Extend the opening hours.',
        'Evaluation recommendation # 2',
        'Publish the forms in six languages.',
        'Recommandation nº 3 – Former les agents d’accueil',
        'RECOMMENDATION 4.',
      ].join('\n'),
    );
    expect(header.map((l) => l.text)).toEqual([
      'Evaluation title/year: Mid-term review of the welcome centres, 2024',
    ]);
    expect(recommendations.map((r) => [r.number, r.text[0], r.hashNumbered])).toEqual([
      ['1', 'Extend the opening hours.', false],
      ['2', '', true],
      ['3', 'Former les agents d’accueil', false],
      ['4', '', false],
    ]);
    expect(recommendations[1].lines.map((l) => [l.text, l.role])).toEqual([
      ['Publish the forms in six languages.', 'text'],
    ]);
  });

  it('keeps the text after a heading numbered with "№" whole (fixed: it lost its first letter)', () => {
    const [rec] = cut('Recommendation № 2: Improve the referral of trauma cases.').recommendations;
    expect([rec.number, rec.text]).toEqual(['2', ['Improve the referral of trauma cases.']]);
  });

  it('gives the heading line’s other cells to the recommendation’s text', () => {
    const [rec] = cut('Recommendation 1\tCreate a single contact point for employers.').recommendations;
    expect(rec.text).toEqual(['', 'Create a single contact point for employers.']);
    expect(rec.heading.line.where).toBe('line 1');
  });

  it('tells the table’s header and sub-header, labelled lines and text apart', () => {
    const [rec] = cut(
      [
        'Evaluation recommendation 5: Monitor the mentoring scheme.',
        'Recommendation to: Volunteering unit\tPriority level (1 to 3): 2',
        'Key actions\tTimeframe\tResponsible unit(s)\tImplementation monitoring',
        '\t\t\tComments\tStatus',
        '5.1 Set up a database of mentors\tQ2 2025\tVolunteering unit\t\tInitiated',
        '\t\t\tComments\tStatus',
        'Management response: Accepted',
        'The unit has started.',
      ].join('\n'),
    ).recommendations;
    expect(rec.lines.map((l) => l.role)).toEqual([
      'labels',
      'tableHeader',
      'tableSubheader',
      'text',
      'labels', // a sub-header only right under the header; elsewhere "Comments" is a label
      'labels',
      'text',
    ]);
  });

  it('reads a heading in the table’s text column as a row continued, not a new recommendation', () => {
    const { recommendations } = cut(
      [
        'Evaluation recommendation 2: Improve the referral of trauma cases.',
        'Key actions\tDeadline\tResponsible',
        '2.1 Agree a referral protocol with the hospitals, as in\tEnd 2024\tHealth desk',
        '\tRecommendation 3: of the 2019 review',
        'Management response: Partially accepted.',
        '\tRecommendation 3: Train the interpreters.',
      ].join('\n'),
    );
    expect(recommendations.map((r) => r.number)).toEqual(['2', '3']);
    expect(recommendations[0].lines.map((l) => l.text)).toContain('Recommendation 3: of the 2019 review');
    expect(recommendations[1].text).toEqual(['Train the interpreters.']);
  });

  it('finds no recommendation in text that has none: everything is header', () => {
    const { header, recommendations } = cut(
      'Minutes of the steering committee\nThe recommendations will follow.',
    );
    expect(recommendations).toEqual([]);
    expect(header).toHaveLength(2);
  });

  it('starts recommendations numbered with letters or Roman numerals, keeping the numbers as written', () => {
    const { recommendations } = cut(
      [
        'Recommendation A: Map the employers of the region.',
        'Recommendation B. Train the job coaches.',
        'Recommendation F – Follow up the placements.',
        'Recommendation I: Open an evening class.',
        'Recommendation II: Survey the learners.',
        'Recommendation IV. Publish the results.',
      ].join('\n'),
    );
    expect(recommendations.map((r) => [r.number, r.text[0]])).toEqual([
      ['A', 'Map the employers of the region.'],
      ['B', 'Train the job coaches.'],
      ['F', 'Follow up the placements.'],
      ['I', 'Open an evening class.'],
      ['II', 'Survey the learners.'],
      ['IV', 'Publish the results.'],
    ]);
  });

  it('numbers unnumbered recommendations in order, whether their text follows the heading or not', () => {
    const { recommendations } = cut(
      [
        'Recommendation: Map the employers of the region.',
        'Management response: Accepted.',
        'Evaluation recommendation',
        'Train the job coaches.',
        'Recommendation to: Employment unit',
      ].join('\n'),
    );
    expect(recommendations.map((r) => [r.number, r.text[0], r.lines.map((l) => l.text)])).toEqual([
      ['1', 'Map the employers of the region.', ['Management response: Accepted.']],
      ['2', '', ['Train the job coaches.', 'Recommendation to: Employment unit']],
    ]);
  });

  it('starts Spanish recommendations, numbered or not', () => {
    const numbered = cut(
      'Recomendación 1: Mapear a los empleadores.\nRecomendación nº 2 – Formar a los orientadores.',
    );
    expect(numbered.recommendations.map((r) => [r.number, r.text[0]])).toEqual([
      ['1', 'Mapear a los empleadores.'],
      ['2', 'Formar a los orientadores.'],
    ]);
    const unnumbered = cut(
      'Recomendación: Mapear a los empleadores.\nRecomendación: Formar a los orientadores.',
    );
    expect(unnumbered.recommendations.map((r) => r.number)).toEqual(['1', '2']);
  });

  it('keeps a "Recommendations" title in the header, and a cross-reference wrapped to a line’s start in its recommendation', () => {
    const { header, recommendations } = cut(
      [
        'Recommendations',
        'Recommendation 1: Map the employers, as agreed with the steering committee (see',
        'recommendation #1) and the board.',
        'Recommendation 2: Train the job coaches.',
      ].join('\n'),
    );
    expect(header.map((l) => l.text)).toEqual(['Recommendations']);
    expect(recommendations.map((r) => [r.number, r.lines.map((l) => l.text)])).toEqual([
      ['1', ['recommendation #1) and the board.']],
      ['2', []],
    ]);
  });

  it('reads "Recommendation 1) and 2) are linked" after recommendation 2 as text, not a heading going back', () => {
    const { recommendations } = cut(
      [
        'Recommendation 2: Map the employers (as in',
        'Recommendation 1) and the board.',
        'Recommendation 3: Train the job coaches.',
      ].join('\n'),
    );
    expect(recommendations.map((r) => r.number)).toEqual(['2', '3']);
    expect(recommendations[0].lines.map((l) => l.text)).toEqual(['Recommendation 1) and the board.']);
  });

  // BUG: a sentence citing a numbered recommendation of another evaluation starts a recommendation:
  // → a recommendation "4" with the text "2 of the 2019 evaluation already asked for this."
  it('reads "Recommendation 4.2 of the 2019 evaluation …" in a response as text, not a heading', () => {
    const { recommendations } = cut(
      [
        'Recommendation 1: Map the employers of the region.',
        'Management response: Accepted.',
        'Recommendation 4.2 of the 2019 evaluation already asked for this.',
      ].join('\n'),
    );
    expect(recommendations.map((r) => r.number)).toEqual(['1']);
  });
});

describe('two-line header cells', () => {
  const matrix = (headerFirst: boolean) => {
    const header = [
      'Key actions\tTimeframe or\tResponsible\tImplementation monitoring',
      '\tdeadline\tunit(s)\t',
      '\t\t\tComments\tStatus',
    ];
    const recommendation = [
      'Evaluation recommendation 1: Open the night shelters earlier in winter.',
      'Recommendation to: Shelter team\tPriority level (1 to 3): 1',
      'Management response (Accept/Partially Accept/Reject): Accepted.',
    ];
    return [
      'Evaluation title: Review of the night shelters, 2024',
      ...(headerFirst ? [...header, ...recommendation] : [...recommendation, ...header]),
      'Open at 6 pm from November\tBy November 2024\tShelter team\t\tCompleted',
      '1.2 Hire two night workers\tQ1 2025\tHR unit\tOne hired in March\t',
    ].join('\n');
  };

  it('knows the second lines of wrapped header cells from an action row', () => {
    expect(looksLikeHeaderContinuation(['', 'deadline', 'unit(s)', ''])).toBe(true);
    expect(looksLikeHeaderContinuation(['', 'délai', 'responsable(s)'])).toBe(true);
    expect(looksLikeHeaderContinuation(['Hire two night workers', 'Q1 2025', 'HR unit'])).toBe(false);
    expect(looksLikeHeaderContinuation(['', 'Q1 2025', 'HR unit'])).toBe(false); // a date is data
    expect(looksLikeHeaderContinuation(['', '', 'Two workers were hired in March.'])).toBe(false);
    expect(looksLikeHeaderContinuation(['', '', ''])).toBe(false);
  });

  for (const headerFirst of [false, true]) {
    it(`does not take them for a first action (table header ${headerFirst ? 'before' : 'after'} the recommendation)`, () => {
      const { evaluation, warnings } = importMatrixText(matrix(headerFirst));
      const [rec] = evaluation.recommendations;
      expect(
        rec.actions.map((a) => [a.number, a.text, a.timeframe, a.responsible, a.status, a.comments]),
      ).toEqual([
        ['1.1', 'Open at 6 pm from November', 'By November 2024', 'Shelter team', 'completed', null],
        ['1.2', 'Hire two night workers', 'Q1 2025', 'HR unit', null, 'One hired in March'],
      ]);
      expect(rec.notes).toEqual([]);
      expect(evaluation.notes).toEqual([]);
      expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/deadline|could not be placed/);
    });
  }
});
