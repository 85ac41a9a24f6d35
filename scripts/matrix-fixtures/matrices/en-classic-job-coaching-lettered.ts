/**
 * Classic template, one table per recommendation (its headings never repeated), recommendations
 * lettered A–F, key actions unnumbered with the deadline and unit often in brackets in the
 * sentence, labels and values in four cells of one row, two-paragraph headings, a running title
 * and the page number alone, a cross-reference, a funding condition in the timeframe cell.
 */
import type { MatrixSpec } from '../spec.js';
import { classicLayout, pageAlone } from '../templates.js';
import { CLASSIC_EN } from '../words.js';

const m: MatrixSpec = {
  name: 'en-classic-job-coaching-lettered',
  language: 'en',
  summary:
    'mid-term evaluation of a job-coaching programme; a table per recommendation, recommendations A–F, unnumbered actions with "(Q3 2024, HR unit)" in the sentence.',
  habits: [
    'table-across-pages',
    'header-not-repeated',
    'page-header-footer',
    'two-line-header-cells',
    'unnumbered-actions',
    'multi-paragraph-cells',
    'labels-side-by-side',
    'timeframe-in-action-text',
    'letters-or-roman-numbers',
    'cross-reference-at-line-start',
    'funding-conditional',
    'typographic-quotes',
  ],
  statusTemplate: 'classic',
  title: 'Mid-term evaluation of the Pathways to Work job-coaching programme',
  year: 2024,
  period: 'January 2022 – December 2023',
  evaluators: 'Dr Helen Marsh and Tomás Quintero, independent consultants',
  owner: 'Head of Employment Services, City of Redfield',
  publishedOn: '2024-06-03',
  recommendations: [
    {
      number: 'A',
      text: 'Shorten the time between registration and the first meeting with a job coach, which averaged seven weeks in 2023. Newcomers who waited longest were the least likely to complete the programme.',
      addressedTo: 'Head of Employment Services',
      priority: 1,
      response: 'accepted',
      responseText:
        'Accept. The waiting list is the first concern raised by participants and by the caseworkers who refer them.',
      actions: [
        {
          text: 'Recruit two additional job coaches with experience of the hospitality and cleaning sectors',
          inline: 'brackets',
          timeframe: 'Q3 2024',
          responsible: 'HR unit',
          status: 'initiated',
          comments: 'Vacancy notice published in May.',
        },
        {
          text: 'Replace the monthly intake session with a fortnightly one',
          timeframe: 'July 2024',
          responsible: 'Intake team',
          status: 'completed',
        },
        {
          text: 'Report the average waiting time to the management team every quarter',
          timeframe: 'Quarterly, from Q3 2024',
          responsible: 'M&E assistant',
          status: 'not_initiated',
        },
      ],
    },
    {
      number: 'B',
      text: 'Involve employers earlier. Most placements were found after participants had completed the full twelve-week coaching cycle, although many of them were ready for a work trial after four to six weeks.',
      addressedTo: 'Employer Engagement Team, together with the job coaches of the three district offices',
      priority: 2,
      response: 'partially_accepted',
      responseText:
        'Partially accept. Work trials will be offered from week six to participants whom their coach considers ready. The cycle itself stays at twelve weeks, as the funding agreement requires.',
      actions: [
        {
          text: 'Agree a work-trial protocol with the chamber of commerce covering insurance, supervision and duration',
          inline: 'brackets',
          timeframe: 'By end of September 2024',
          responsible: 'Employer Engagement Team',
          status: 'not_initiated',
        },
        {
          text: 'Hold an employers’ breakfast every quarter in each of the three districts',
          timeframe: 'Ongoing',
          responsible: 'Employer Engagement Team',
          status: 'initiated',
          comments: 'First breakfast held on 12 June with fourteen employers.',
        },
      ],
    },
    {
      number: 'C',
      text: 'Recognise the qualifications and experience that participants bring. The evaluation met engineers, nurses and teachers working as kitchen porters two years after their arrival, mostly because nobody had helped them to have their diplomas assessed.\nThe programme should add a qualifications track offering individual guidance through recognition procedures and bridging courses, and help with the costs involved.',
      addressedTo: 'Head of Employment Services, with the Regional Qualifications Recognition Office',
      priority: 1,
      response: 'accepted',
      responseText:
        'Accept. This is also a priority of the municipal integration strategy adopted in March 2024, and the Recognition Office has offered to work with us on it.',
      actions: [
        {
          text: 'Train all job coaches on the recognition procedures for the ten professions most common among participants',
          inline: 'brackets',
          timeframe: 'Q4 2024',
          responsible: 'Training officer',
          status: 'not_initiated',
        },
        {
          text: 'Map the bridging courses offered in the region to health professionals, engineers and teachers\nThe map will be published on the programme’s website and updated every year.',
          timeframe: 'Q4 2024',
          responsible: 'Qualifications adviser',
          status: 'not_initiated',
        },
        {
          text: 'Set up a small fund covering translation and assessment fees for participants who cannot pay them',
          timeframe: 'Conditional on the reception of dedicated funding',
          responsible: 'Head of Employment Services',
          fundingConditional: true,
          status: 'not_initiated',
          comments: 'A proposal was sent to the Redfield Community Foundation in May.',
        },
        {
          text: 'Agree with the Regional Qualifications Recognition Office on fast-track appointments for programme participants',
          inline: 'brackets',
          timeframe: 'Q1 2025',
          responsible: 'Head of Employment Services',
          status: 'not_initiated',
        },
        {
          text: 'Follow up every participant of the qualifications track six and twelve months after they leave the programme',
          timeframe: 'Ongoing from 2025',
          responsible: 'Qualifications adviser',
          status: 'not_initiated',
        },
        {
          text: 'Publish a short guide for participants on recognition procedures, in plain language and in six languages',
          timeframe: 'By mid-2025',
          responsible: 'Communications unit',
          status: 'not_initiated',
        },
      ],
    },
    {
      number: 'D',
      text: 'Follow up participants who found a job for at least six months. A third of the jobs found in 2023 ended during the probation period, often after a misunderstanding that a short call could have settled; employers who were involved early are also more patient with new staff members (see\u00a0recommendation\u00a0B).',
      addressedTo: 'Job coaches',
      priority: 2,
      response: 'accepted',
      responseText: 'Accept.',
      actions: [
        {
          text: 'Call every participant who starts a job after one, three and six months',
          timeframe: 'Ongoing',
          responsible: 'Job coaches',
          status: 'initiated',
        },
        {
          text: 'Give employers a named contact person during the probation period',
          inline: 'brackets',
          timeframe: 'Q3 2024',
          responsible: 'Employer Engagement Team',
          status: 'not_initiated',
        },
      ],
    },
    {
      number: 'E',
      text: 'Make the programme accessible to women with young children, who made up only 18 per cent of participants although they are half of the newcomers registered with the municipality.',
      addressedTo: 'Head of Employment Services',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Partially accept. Coaching sessions will be offered in the mornings at the family centres.\nA crèche on the programme’s premises is not feasible in the current building; it will be considered for the new premises.',
      actions: [
        {
          text: 'Hold coaching sessions at the three family centres on two mornings a week',
          timeframe: 'September 2024',
          responsible: 'Job coaches; family centre managers',
          status: 'not_initiated',
        },
        {
          text: 'Include a crèche in the plans of the new premises due to open in 2026',
          timeframe: '2025',
          responsible: 'Head of Employment Services; Facilities',
          status: 'not_initiated',
        },
      ],
    },
    {
      number: 'F',
      text: 'Reduce the paperwork asked of participants: the same personal data are collected three times, by the reception office, the intake team and the coaches.',
      addressedTo: 'Intake team; IT unit',
      priority: 3,
      response: 'accepted',
      responseText: 'Accept. A single registration form will be shared by the three services.',
      actions: [
        {
          text: 'Merge the three registration forms into one',
          inline: 'brackets',
          timeframe: 'By end of 2024',
          responsible: 'Intake team',
          status: 'not_initiated',
        },
        {
          text: 'Give coaches read access to the reception office’s records, with the participant’s consent',
          timeframe: '2025',
          responsible: 'IT unit; Data protection officer',
          status: 'not_initiated',
        },
      ],
    },
  ],
  layout: () =>
    classicLayout(m, {
      words: {
        ...CLASSIC_EN,
        rec: (n) => `Recommendation ${n}:`,
        period: 'Period covered by the evaluation:',
        response: 'Management Response:',
        timeframe: 'Timeframe/\ndeadline',
        responsible: 'Responsible individual\nor unit(s)',
        comments: 'Comments or\naction taken',
      },
      header: {
        titleYear: 'Mid-term evaluation of the Pathways to Work job-coaching programme (2024)',
        period: m.period,
        evaluators: m.evaluators,
        owner: m.owner,
        date: '3 June 2024',
      },
      headerStyle: 'table',
      container: 'table-per-rec',
      repeatHeader: false,
      sideBySide: 'four-cells',
      monitoring: 'merged',
      twoLine: 'paragraphs',
      actionNumbers: false,
      widths: [8.5, 2.4, 3.2, 4.2, 1.9],
      furniture: {
        header: [
          { runs: [{ text: 'Pathways to Work – mid-term evaluation – management response', italic: true }] },
        ],
        footer: [pageAlone('right')],
      },
      font: 'Times New Roman',
      size: 11,
      author: 'Redfield Employment Services',
    }),
  checks: { lineStarts: ['(see recommendation B)'] },
};

export default m;
