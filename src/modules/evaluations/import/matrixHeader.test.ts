import { describe, expect, it } from 'vitest';
import { textToLines } from './lines.js';
import { cleanLines } from './matrixCleaning.js';
import { readMatrixHeader } from './matrixHeader.js';

const read = (text: string) => readMatrixHeader(cleanLines(textToLines(text)));

describe('phase 2: the evaluation header', () => {
  it('takes the period from a title in parentheses and the latest year in it', () => {
    const h = read('Evaluation title/year: Evaluation of the Newcomer Orientation Programme (2019–2022).');
    expect(h.title).toBe('Evaluation of the Newcomer Orientation Programme');
    expect(h.period).toBe('2019–2022');
    expect(h.year).toBe(2022);
    expect(h.warnings).toEqual([]);
  });

  it('drops a year after a comma from the title; a "Year:" line wins over the title', () => {
    expect(read('Title of the evaluation: Language vouchers review, 2020')).toMatchObject({
      title: 'Language vouchers review',
      year: 2020,
      period: null,
    });
    const h = read('Year of evaluation: 2021\nEvaluation title: Housing support pilot (2017-2019)');
    expect(h.year).toBe(2021);
    expect(h.period).toBe('2017-2019');
  });

  it('reads French labels, and a label alone in its cell takes the next cell', () => {
    const h = read(
      [
        "Titre de l'évaluation :\tÉvaluation des cours de français (2024)",
        'Évaluateur(s) :\tCabinet Lumen',
        'Responsable de la matrice :\tDirection de l’intégration',
      ].join('\n'),
    );
    expect(h).toMatchObject({
      title: 'Évaluation des cours de français',
      year: 2024,
      period: null,
      evaluators: 'Cabinet Lumen',
      owner: 'Direction de l’intégration',
    });
  });

  it('keeps sentences after the evaluators as a note, with a warning', () => {
    const h = read(
      'Evaluation conducted by Lumen Consulting (Brussels) with two peer reviewers. The evaluation covered four districts.',
    );
    expect(h.evaluators).toBe('Lumen Consulting (Brussels) with two peer reviewers');
    expect(h.notes).toEqual(['The evaluation covered four districts.']);
    expect(h.warnings).toEqual([
      {
        code: 'evaluatorsNote',
        params: {},
        message: 'Text after the evaluators was kept as a note on the evaluation',
        where: 'evaluation header (line 1)',
        path: 'notes',
      },
    ]);
  });

  it('reads a date of publication as one day, and keeps any other date as a note', () => {
    expect(read('Date of publication: 3 May 2023').publishedOn).toBe('2023-05-03');
    const h = read('Date of the management response: 2023');
    expect(h.publishedOn).toBeNull();
    expect(h.notes).toEqual(['Date as written: 2023']);
    expect(h.warnings[0]).toMatchObject({ path: 'publishedOn', where: 'evaluation header (line 1)' });
  });

  it('warns about a year that is none', () => {
    const h = read('Year: after the elections');
    expect(h.year).toBeNull();
    expect(h.warnings).toEqual([
      {
        code: 'yearUnread',
        params: { year: 'after the elections' },
        message: 'The year "after the elections" is not a year',
        where: 'evaluation header (line 1)',
        path: 'year',
      },
    ]);
  });

  it('continues overall comments on the following lines; other text is left to place, instructions dropped', () => {
    const h = read(
      [
        'Prepared for the steering committee',
        'Overall comments (optional):',
        'The office welcomes the evaluation.',
        'Most findings were already known.',
        'Owner: Head of Integration',
        'Please indicate the name of the owner',
        'Draft v3',
      ].join('\n'),
    );
    expect(h.overallComment).toBe('The office welcomes the evaluation.\nMost findings were already known.');
    expect(h.owner).toBe('Head of Integration');
    expect(h.unplaced).toEqual([
      { where: 'line 1', text: 'Prepared for the steering committee' },
      { where: 'line 7', text: 'Draft v3' },
    ]);
    expect(h.title).toBe('');
    expect(h.source.split('\n')).toHaveLength(7);
  });
});

describe('template instructions in the header', () => {
  it('are not taken as overall comments (fixed: they were)', () => {
    const h = read(
      [
        'Overall comments on the evaluation:',
        '(Time 1) Complete this field at the time of the management response',
        'The recommendations are useful and realistic.',
      ].join('\n'),
    );
    expect(h.overallComment).toBe('The recommendations are useful and realistic.');
  });
});
