import { describe, expect, it } from 'vitest';
import { textToLines } from './lines.js';
import { cutRecommendations } from './matrixBlocks.js';
import { cleanLines } from './matrixCleaning.js';

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
});
