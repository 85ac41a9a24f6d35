import { describe, expect, it } from 'vitest';
import { actionsFromRows } from './matrixActions.js';
import type { ActionRow } from './matrixKeyActions.js';

const row = (where: string, numbers: string[], cols: Partial<ActionRow['cols']>): ActionRow => ({
  where,
  numbers,
  cols: { text: '', timeframe: '', responsible: '', comments: '', status: '', ...cols },
});
const owner = (rows: ActionRow[], responsibleUnits: string | null = null) => ({
  number: '3',
  index: 2,
  responsibleUnits,
  rows,
});

describe('phase 6: rows become actions with due windows', () => {
  it('reads timeframes into due windows; the evaluation’s year completes one without a year', () => {
    const { actions, warnings } = actionsFromRows(
      owner([
        row('line 10', ['3.1'], { text: 'Open a Saturday desk', timeframe: 'Q3 2024' }),
        row('line 11', ['3.2'], { text: 'Review the opening hours', timeframe: 'second half' }),
        row('line 12', ['3.3'], { text: 'Keep the hotline open', timeframe: 'Ongoing' }),
        row('line 13', ['3.4'], { text: 'Hire a coordinator', timeframe: 'June 2025, subject to funding' }),
      ]),
      'classic',
      2024,
    );
    expect(actions.map((a) => [a.number, a.timeframe, a.due, a.fundingConditional])).toEqual([
      ['3.1', 'Q3 2024', { from: '2024-07-01', to: '2024-09-30', inferred: false }, false],
      ['3.2', 'second half', { from: '2024-07-01', to: '2024-12-31', inferred: true }, false],
      ['3.3', 'Ongoing', null, false],
      [
        '3.4',
        'June 2025, subject to funding',
        { from: '2025-06-01', to: '2025-06-30', inferred: false },
        true,
      ],
    ]);
    expect(warnings).toEqual([]);
  });

  it('gives no due window and a warning for a timeframe it cannot read — never a guess', () => {
    const { actions, warnings } = actionsFromRows(
      owner([row('line 20', ['3.1'], { text: 'Sign the agreement', timeframe: 'TBD' })]),
      'classic',
      2024,
    );
    expect(actions[0].due).toBeNull();
    expect(warnings).toEqual([
      {
        code: 'timeframe.notSet',
        params: { timeframe: 'TBD' },
        message: 'The timeframe "TBD" gives no due window: no deadline has been set yet',
        where: 'recommendation 3, action 3.1, timeframe (line 20)',
        path: 'recommendations.2.actions.0.timeframe',
      },
    ]);
  });

  it('maps statuses to the template’s words and keeps others in the comments', () => {
    const rows = [
      row('line 5', ['3.1'], { status: 'Ongoing', comments: 'Two of five sites' }),
      row('line 6', ['3.2'], { status: 'On hold', comments: 'Waiting for the budget' }),
    ];
    const classic = actionsFromRows(owner(rows), 'classic', null);
    expect(classic.actions.map((a) => [a.status, a.comments])).toEqual([
      ['initiated', 'Two of five sites'],
      [null, 'Waiting for the budget\nStatus as written: On hold'],
    ]);
    expect(classic.warnings).toEqual([
      {
        code: 'actionStatusUnknown',
        params: { status: 'On hold' },
        message: 'The status "On hold" is not one of the template\'s statuses; it was kept in the comments',
        where: 'recommendation 3, action 3.2 (line 6)',
        path: 'recommendations.2.actions.1.status',
      },
    ]);
    expect(actionsFromRows(owner(rows), '2022', null).actions[0].status).toBe('open');
  });

  it('makes one action per number, warns when a row was cut, and counts positions across rows', () => {
    const { actions, warnings } = actionsFromRows(
      owner(
        [
          row('line 7', ['3.1', '3.2'], { text: 'Hold info sessions', timeframe: '2025' }),
          row('line 8', ['3.3'], {
            text: 'Draft the guide. 3.4 Test it with families',
            status: 'Not started',
          }),
        ],
        'Family services',
      ),
      'classic',
      null,
    );
    expect(actions.map((a) => [a.number, a.text, a.responsible, a.status])).toEqual([
      ['3.1', 'Hold info sessions', 'Family services', null],
      ['3.2', 'Hold info sessions', 'Family services', null],
      ['3.3', 'Draft the guide.', 'Family services', 'not_initiated'],
      ['3.4', 'Test it with families', 'Family services', 'not_initiated'],
    ]);
    expect(warnings).toEqual([
      {
        code: 'actionsInOneRow',
        params: { numbers: ['3.3', '3.4'] },
        message:
          'Actions 3.3 and 3.4 were written in one row; they share its timeframe, responsible unit(s) and status',
        where: 'recommendation 3, action 3.3 and 3.4 (line 8)',
        path: 'recommendations.2.actions.2.text',
      },
    ]);
  });
});
