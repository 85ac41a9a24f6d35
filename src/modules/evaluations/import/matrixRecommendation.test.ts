import { describe, expect, it } from 'vitest';
import { textToLines } from './lines.js';
import { cutRecommendations } from './matrixBlocks.js';
import { cleanLines } from './matrixCleaning.js';
import { readRecommendation } from './matrixRecommendation.js';

const read = (text: string, year: number | null = 2024) =>
  cutRecommendations(cleanLines(textToLines(text))).recommendations.map((b, i) =>
    readRecommendation(b, i, year),
  );

describe('phase 4: a recommendation’s fields', () => {
  it('reads the classic template’s labels, each continued by the lines under it', () => {
    const [d] = read(
      [
        'Evaluation recommendation 1: Shorten the waiting time for a first appointment',
        'at the regional welcome desks.',
        'Recommendation to: Head of Reception Services\tPriority level (1 to 3): 1 – people wait up to six weeks',
        'Management response (Accept/Partially Accept/Reject):',
        'Accepted. Two more staff will be posted in the spring.',
        'Recruitment has been approved.',
      ].join('\n'),
    );
    expect(d.rec).toMatchObject({
      number: '1',
      text: 'Shorten the waiting time for a first appointment\nat the regional welcome desks.',
      addressedTo: 'Head of Reception Services',
      priority: 1,
      priorityJustification: 'people wait up to six weeks',
      responseText: 'Accepted. Two more staff will be posted in the spring.\nRecruitment has been approved.',
      response: null, // read from the text when the evaluation is assembled
    });
    expect(d.warnings).toEqual([]);
    expect(d.votes2022).toBe(0);
    expect(d.source.split('\n')).toHaveLength(6);
  });

  it('takes a lone label’s value from the next cell, and reads priorities as words', () => {
    const [a, b, c] = read(
      [
        'Recommendation 1: Map the language courses.',
        'Recommendation to:\tAdult education service',
        'Priority:\tHigh',
        'Recommendation 2: Survey the learners.',
        'Priority level (1 to 3): N/A',
        'Recommendation 3: Open an evening class.',
        'Priority level (1 to 3): urgent',
      ].join('\n'),
    );
    expect([a.rec.addressedTo, a.rec.priority]).toEqual(['Adult education service', 1]);
    expect([b.rec.priority, b.rec.priorityJustification, b.warnings]).toEqual([null, null, []]);
    expect([c.rec.priority, c.rec.priorityJustification]).toEqual([null, 'urgent']);
    expect(c.warnings).toEqual([
      {
        code: 'priorityUnread',
        params: { priority: 'urgent' },
        message: 'The priority "urgent" is not 1, 2 or 3; it was left empty and kept as its justification',
        where: 'recommendation 3, priority (line 7)',
        path: 'recommendations.2.priority',
      },
    ]);
  });

  it('reads the 2022 template: responsible units, bulleted key actions, the recommendation’s status', () => {
    const [d] = read(
      [
        'Evaluation recommendation # 4: Involve migrant associations in the planning.',
        'Responsible unit(s): Participation office',
        'Management response - Accept/Partially accept/Reject: Accept',
        'Key actions:',
        '- Invite associations to the annual planning day (Q1 2025)',
        '- Publish the minutes in plain language',
        '  and in the three main languages',
        'Implementation monitoring status - discarded/open/completed: Open',
      ].join('\n'),
    );
    expect(d.votes2022).toBe(5);
    expect(d.responsibleUnits).toBe('Participation office');
    expect(d.rec.status).toBe('open');
    expect(d.rows.map((r) => [r.numbers, r.cols.text, r.cols.timeframe])).toEqual([
      [['4.1'], 'Invite associations to the annual planning day', 'Q1 2025'],
      [['4.2'], 'Publish the minutes in plain language and in the three main languages', ''],
    ]);
  });

  it('keeps a status outside the 2022 words as a comment, with a warning', () => {
    const [d] = read('Recommendation 2: Evaluate the pilot.\nImplementation status: postponed to 2026');
    expect(d.rec.status).toBeNull();
    expect(d.rec.comments).toBe('Status as written: postponed to 2026');
    expect(d.warnings[0]).toMatchObject({
      message: 'The status "postponed to 2026" is not open, discarded or completed; it was kept as a comment',
      path: 'recommendations.0.status',
    });
  });

  it('reads the key-action table with its columns, and numbers a first row written without one', () => {
    const [d] = read(
      [
        'Recommendation 6: Follow up on job placements.',
        'Key actions\tTimeframe\tResponsible unit(s)\tComments\tStatus',
        'Agree indicators with the employment agency\tMarch 2025\tLabour desk\t\tNot started',
        '6.2 Report twice a year\tOngoing\tLabour desk',
      ].join('\n'),
    );
    expect(d.rows.map((r) => [r.numbers, r.cols])).toEqual([
      [
        ['6.1'],
        {
          text: 'Agree indicators with the employment agency',
          timeframe: 'March 2025',
          responsible: 'Labour desk',
          comments: '',
          status: 'Not started',
        },
      ],
      [
        ['6.2'],
        {
          text: 'Report twice a year',
          timeframe: 'Ongoing',
          responsible: 'Labour desk',
          comments: '',
          status: '',
        },
      ],
    ]);
    expect(d.warnings).toEqual([
      {
        code: 'actionNumbered',
        params: { number: '6.1' },
        message: 'A key action had no number; it was numbered 6.1',
        where: 'recommendation 6 (line 3)',
        path: 'recommendations.0.actions.0.number',
      },
    ]);
  });

  it('keeps text it cannot place as a note, but not template instructions', () => {
    const [d] = read(
      [
        'Recommendation 1: Review the fees.',
        'Implementation status: Completed',
        'See the council decision of 12 June.',
        '(Time 2) Complete this field one year after the response',
      ].join('\n'),
    );
    expect(d.rec.notes).toEqual(['See the council decision of 12 June.']);
    expect(d.warnings).toEqual([
      {
        code: 'unplacedRecommendation',
        params: { text: 'See the council decision of 12 June.' },
        message:
          'Text "See the council decision of 12 June." could not be placed; it was kept as a note on the recommendation',
        where: 'recommendation 1 (line 3)',
        path: 'recommendations.0.notes',
      },
    ]);
  });
});

describe('template instructions on a labelled line', () => {
  it('are not kept as notes (fixed: a cell after a label’s value became a note with a warning)', () => {
    const [d] = read(
      'Recommendation 3: Publish the results.\nImplementation status: Completed\tPlease indicate the date of completion',
    );
    expect(d.rec.status).toBe('completed');
    expect(d.rec.notes).toEqual([]);
    expect(d.warnings).toEqual([]);
  });
});
