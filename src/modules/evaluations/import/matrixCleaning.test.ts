import { describe, expect, it } from 'vitest';
import { textToLines } from './lines.js';
import { cleanLines, splitInlineLabels } from './matrixCleaning.js';

describe('phase 1: cleaning lines', () => {
  it('gives each paragraph of a lone multi-paragraph cell its own line, where it was', () => {
    const lines = cleanLines([
      {
        cells: ['', 'Hire two intercultural mediators.\nTrain desk staff on residence permits.  ', ''],
        where: 'table 2, row 1',
      },
    ]);
    expect(lines.map((l) => l.cells)).toEqual([
      ['Hire two intercultural mediators.'],
      ['Train desk staff on residence permits.'],
    ]);
    expect(lines.every((l) => l.line.where === 'table 2, row 1')).toBe(true);
  });

  it('keeps a row of several cells as one line, its empty cells in place', () => {
    const [line] = cleanLines([{ cells: ['', ' 4.2 Publish the guide ', 'Q1 2025', ''], where: 'line 9' }]);
    expect(line.cells).toEqual(['', '4.2 Publish the guide', 'Q1 2025', '']);
    expect(line.filled).toEqual(['4.2 Publish the guide', 'Q1 2025']);
    expect(line.text).toBe('4.2 Publish the guide Q1 2025');
  });

  it('leaves out blank lines, table rules and the matrix heading; keeps instruction lines for the source', () => {
    const text = [
      'MANAGEMENT RESPONSE MATRIX',
      '',
      'Evaluation title/year: Review of the orientation days, 2023',
      '------\t----\t------',
      '   \t  ',
      '(Time 1) Complete this field at the time of the management response',
      'Matrice de réponse de la direction :',
      'MATRICE DE RÉPONSE DE LA DIRECTION ET DE SUIVI',
      'Matriz de respuesta de la administración y seguimiento',
      'Management response and follow-up matrix',
    ].join('\n');
    expect(cleanLines(textToLines(text)).map((l) => l.text)).toEqual([
      'Evaluation title/year: Review of the orientation days, 2023',
      // The 2022 template's "(Time 1)" marker says nothing about the matrix; the instruction stays for the source.
      'Complete this field at the time of the management response',
    ]);
  });

  it('cuts labels that lost their column break, and only there', () => {
    expect(splitInlineLabels(' Recommendation to: Integration Office Priority level (1 to 3): 2 ')).toEqual([
      'Recommendation to: Integration Office',
      'Priority level (1 to 3): 2',
    ]);
    expect(splitInlineLabels('Responsible unit(s): HR Recommendation to: Mayor’s office')).toEqual([
      'Responsible unit(s): HR',
      'Recommendation to: Mayor’s office',
    ]);
    // No label before it: "priority level" is part of the sentence.
    expect(splitInlineLabels('Agree on the priority level: it changes each year')).toEqual([
      'Agree on the priority level: it changes each year',
    ]);
  });

  it('refuses lines without any text, but not lines that are only rules', () => {
    expect(() => cleanLines([{ cells: ['  ', ''], where: 'line 1' }])).toThrow(/file is empty/);
    expect(() => cleanLines([])).toThrow(/file is empty/);
    expect(cleanLines(textToLines('-----\t-----\n====='))).toEqual([]);
  });
});

describe('run-together labels ending in "(s)" or an accent', () => {
  it('are cut too (fixed: "\\b" saw no word boundary after them)', () => {
    expect(
      splitInlineLabels('Recommendation to: Municipal libraries Responsible unit(s): Culture department'),
    ).toEqual(['Recommendation to: Municipal libraries', 'Responsible unit(s): Culture department']);
    expect(splitInlineLabels('Recommandation adressée à : Bibliothèques Niveau de priorité : 3')).toEqual([
      'Recommandation adressée à : Bibliothèques',
      'Niveau de priorité : 3',
    ]);
    // Still not inside a word: "priority levels" is not the label.
    expect(splitInlineLabels('Comments: see the priority levels: all high')).toEqual([
      'Comments: see the priority levels: all high',
    ]);
  });
});
