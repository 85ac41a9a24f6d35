import { describe, expect, it } from 'vitest';
import {
  type ActionRow,
  DEFAULT_COLUMNS,
  isTableHeader,
  readBullet,
  readBulletLine,
  readColumns,
  readNumbers,
  readTableLine,
  splitRunTogether,
} from './matrixKeyActions.js';

describe('phase 5: key actions as rows', () => {
  it('knows the table’s header row, in English or French', () => {
    expect(isTableHeader(['Key action(s)', 'Time frame', 'Responsible office'])).toBe(true);
    expect(isTableHeader(['Actions clés', 'Échéance', 'Unité responsable', 'Statut'])).toBe(true);
    expect(isTableHeader(['Key actions'])).toBe(true);
    expect(isTableHeader(['Key actions:', 'Timeframe'])).toBe(false); // the 2022 label, bullets follow
    expect(isTableHeader(['Actions taken so far: two trainings'])).toBe(false);
  });

  it('reads the columns a header names, a merged "Implementation monitoring" cell and the sub-header under it', () => {
    const header = readColumns(
      ['Key actions', 'Responsible unit(s)', 'Deadline', 'Implementation monitoring'],
      null,
    );
    expect(header).toEqual(['text', 'responsible', 'timeframe', 'comments', 'status']);
    expect(readColumns(['', '', '', 'Status', 'Comments'], header)).toEqual([
      'text',
      'responsible',
      'timeframe',
      'status',
      'comments',
    ]);
    expect(readColumns(['Actions', 'Délai'], null)).toEqual(['text', 'timeframe']);
  });

  it('reads the numbers a row starts with', () => {
    expect(readNumbers('6.2 and 6.3 Hold two info sessions')).toEqual({
      numbers: ['6.2', '6.3'],
      rest: 'Hold two info sessions',
    });
    expect(readNumbers('4.1 – 4.3 : Translate the leaflets')).toEqual({
      numbers: ['4.1', '4.2', '4.3'],
      rest: 'Translate the leaflets',
    });
    expect(readNumbers('2.1 et 2.4 Former les agents')?.numbers).toEqual(['2.1', '2.4']);
    expect(readNumbers('3.10. Close the old hotline')).toEqual({
      numbers: ['3.10'],
      rest: 'Close the old hotline',
    });
    expect(readNumbers('Train the staff in 2.5 days')).toBeNull();
  });

  it('puts table lines into rows: numbered rows, wrapped rows continued, a first row without number', () => {
    const rows: ActionRow[] = [];
    const cols = DEFAULT_COLUMNS;
    expect(readTableLine(rows, cols, ['Set up a helpline', 'Q4 2024', 'Contact centre'], 'row 1', '7')).toBe(
      '7.1',
    );
    expect(
      readTableLine(
        rows,
        cols,
        ['7.2 Recruit volunteer', 'End of', 'Volunteering', 'First call out'],
        'row 2',
        '7',
      ),
    ).toBeNull();
    expect(readTableLine(rows, cols, ['interpreters', '2025', 'unit', 'in May'], 'row 3', '7')).toBeNull();
    expect(readTableLine(rows, cols, ['', 'Complete this column'], 'row 4', '7')).toBeNull();
    expect(rows).toEqual([
      {
        where: 'row 1',
        numbers: ['7.1'],
        cols: {
          text: 'Set up a helpline',
          timeframe: 'Q4 2024',
          responsible: 'Contact centre',
          comments: '',
          status: '',
        },
      },
      {
        where: 'row 2',
        numbers: ['7.2'],
        cols: {
          text: 'Recruit volunteer interpreters',
          timeframe: 'End of 2025',
          responsible: 'Volunteering unit',
          comments: 'First call out\nin May',
          status: '',
        },
      },
    ]);
  });

  it('reads bullets: a deadline in parentheses or after "deadline", the next number when none is written', () => {
    const rows: ActionRow[] = [];
    readBullet(rows, '• Hire a second social worker (Q2 2025).', 'line 4', '3', 2024);
    readBullet(rows, '- Meet the housing associations (with the mayor)', 'line 5', '3', 2024);
    readBullet(rows, 'a) Update the guide – deadline: June 2025', 'line 6', '3', 2024);
    readBullet(rows, '3.7 Close the pilot (ongoing)', 'line 7', '3', 2024);
    readBullet(rows, '- [Insert key action]', 'line 8', '3', 2024);
    expect(rows.map((r) => [r.numbers, r.cols.text, r.cols.timeframe])).toEqual([
      [['3.1'], 'Hire a second social worker', 'Q2 2025'],
      [['3.2'], 'Meet the housing associations (with the mayor)', ''],
      [['3.3'], 'Update the guide', 'June 2025'],
      [['3.7'], 'Close the pilot', 'ongoing'],
    ]);
  });

  it('continues the last bullet with a line that is not one', () => {
    const rows: ActionRow[] = [];
    readBulletLine(rows, '- Translate the welcome booklet', 'line 2', '1', null);
    readBulletLine(rows, 'into Tigrinya and Dari', 'line 3', '1', null);
    readBulletLine(rows, '1.2 Print it', 'line 4', '1', null);
    expect(rows.map((r) => r.cols.text)).toEqual([
      'Translate the welcome booklet into Tigrinya and Dari',
      'Print it',
    ]);
  });

  it('cuts "8.1 … 8.2 …" written in one cell at the next number of the same recommendation', () => {
    expect(
      splitRunTogether(['8.1'], 'Design the survey. 8.2 Run it with 300 families. 8.4 Report', '8'),
    ).toEqual([
      { number: '8.1', text: 'Design the survey.', split: false },
      { number: '8.2', text: 'Run it with 300 families. 8.4 Report', split: true },
    ]);
    expect(splitRunTogether(['2.1'], 'Align with actions 3.2 and 2.3 of the plan', '2')).toEqual([
      { number: '2.1', text: 'Align with actions 3.2 and 2.3 of the plan', split: false },
    ]);
    expect(splitRunTogether(['6.2', '6.3'], 'Hold two info sessions', '6')).toEqual([
      { number: '6.2', text: 'Hold two info sessions', split: false },
      { number: '6.3', text: 'Hold two info sessions', split: false },
    ]);
  });
});

describe('numbers written without spaces', () => {
  it('are read as numbers (fixed: "6.2-6.4", "6.2,6.3" and "6.2:" were taken for text)', () => {
    expect(readNumbers('6.2-6.4 Hold info sessions in each district')).toEqual({
      numbers: ['6.2', '6.3', '6.4'],
      rest: 'Hold info sessions in each district',
    });
    expect(readNumbers('2.1,2.3: Former les agents')).toEqual({
      numbers: ['2.1', '2.3'],
      rest: 'Former les agents',
    });
    expect(readNumbers('5.1) Draft the guide')).toEqual({ numbers: ['5.1'], rest: 'Draft the guide' });
    expect(readNumbers('1.5-2 days per week')).toBeNull();
    const rows: ActionRow[] = [];
    readTableLine(rows, DEFAULT_COLUMNS, ['6.1 Map the services', '2025'], 'row 1', '6');
    readTableLine(rows, DEFAULT_COLUMNS, ['6.2-6.3 Train the staff', '2026'], 'row 2', '6');
    expect(rows.map((r) => r.numbers)).toEqual([['6.1'], ['6.2', '6.3']]);
  });
});
