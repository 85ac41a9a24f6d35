/**
 * 2022 template at "Time 2": a block per recommendation (labels on the left, then the key actions'
 * own rows with their status), recommendations not numbered, options deleted from the response,
 * key actions unnumbered with the deadline and unit after dashes in the sentence, statuses filled
 * in for some actions and the instruction left in others, a priority range, a funding condition,
 * a cross-reference.
 */
import type { MatrixSpec } from '../spec.js';
import { layout2022, pageAlone } from '../templates.js';
import { T2022_EN } from '../words.js';

const m: MatrixSpec = {
  name: 'en-2022-legal-aid-deleted',
  language: 'en',
  summary:
    'final evaluation of a legal aid service, followed up a year later; 2022 template in blocks, options deleted, unnumbered recommendations and actions, statuses per action.',
  habits: [
    'time-markers-2022',
    'deleted-options',
    'instruction-text-left',
    'unnumbered-recommendations',
    'unnumbered-actions',
    'timeframe-in-action-text',
    'cross-reference-at-line-start',
    'funding-conditional',
    'priority-range',
    'header-not-repeated',
    'table-across-pages',
    'page-header-footer',
    'typographic-quotes',
  ],
  statusTemplate: '2022',
  title: 'Final evaluation of the Legal Aid and Information Service for asylum seekers and refugees (LAIS)',
  year: 2023,
  evaluators: 'Carter & Nwosu Consulting',
  owner: 'LAIS coordinator, Department of Migration and Integration',
  publishedOn: '2023-09-14',
  recommendations: [
    {
      text: 'Extend the service to the three regional reception centres through fortnightly visits by a lawyer and an interpreter. Residents there currently travel up to four hours to reach the service’s only office.',
      addressedTo: 'LAIS coordinator',
      priority: 1,
      response: 'accepted',
      responseText: 'Accept. Visits will start at the Northgate centre, where the need is greatest.',
      actions: [
        {
          text: 'Agree visit arrangements and a private meeting room with the Northgate centre',
          inline: 'dash',
          timeframe: 'October 2023',
          responsible: 'LAIS coordinator',
          status: 'completed',
          statusWritten: 'Completed',
          comments: 'Visits every second Tuesday since 17 October 2023.',
        },
        {
          text: 'Extend the visits to the Eastmoor and Lakeside centres',
          inline: 'dash',
          timeframe: '2024, subject to funding',
          responsible: 'LAIS coordinator',
          fundingConditional: true,
          status: 'open',
          statusWritten: 'Not initiated',
          comments: 'Included in the 2024 budget proposal; the decision is expected in March.',
        },
        {
          text: 'Recruit a second interpreter for Dari and Pashto',
          timeframe: 'By end of 2023',
          responsible: 'Human resources',
          status: 'completed',
          statusWritten: 'Completed',
        },
      ],
    },
    {
      text: 'Shorten the wait for a first appointment, which exceeded three weeks for half of the clients in the last year of the project, for instance with an online booking tool.',
      addressedTo: 'LAIS coordinator; reception desk',
      priority: 2,
      priorityWritten: '2-3',
      response: 'partially_accepted',
      responseText:
        'Partially accept. An online booking tool does not suit most of our clients; the service will instead open two drop-in mornings a week and review how urgent requests are sorted.',
      actions: [
        {
          text: 'Open two drop-in mornings a week at the main office',
          inline: 'dash',
          timeframe: 'November 2023',
          responsible: 'Reception desk',
          status: 'completed',
          statusWritten: 'Completed',
        },
        {
          text: 'Review the triage of new requests so that urgent cases (detention, appeal deadlines) are seen within 48 hours',
          timeframe: 'Q4 2023',
          responsible: 'Senior lawyer',
          status: 'open',
          statusWritten: 'In progress',
          comments: 'The new triage form is in use; staff training is still to be done.',
        },
      ],
    },
    {
      text: 'Produce information on the asylum procedure in plain language and in audio and video formats for clients who cannot read. Fewer than half of the clients interviewed had understood the written leaflets.',
      addressedTo: 'Communication officer',
      priority: 2,
      response: 'accepted',
      responseText: 'Accept.',
      actions: [
        {
          text: 'Record short videos on the main steps of the procedure in six languages',
          inline: 'dash',
          timeframe: 'Q1 2024',
          responsible: 'Communication officer',
          status: 'open',
          statusWritten: 'In progress',
          comments: 'Four of the six language versions recorded.',
        },
        {
          text: 'Test the videos with a group of clients before they are published',
          timeframe: 'Q1 2024',
          responsible: 'Communication officer; volunteers',
        },
      ],
    },
    {
      text: 'Set up a way of following cases over time and recording their outcomes (decision, appeal, result of the appeal), so that the service can show its results to its donors and spot where clients are lost along the way, notably during the long waits for a first appointment that are described above (see\u00a0recommendation\u00a0#2).',
      addressedTo: 'Senior lawyer; IT department',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Partially accept. A case-tracking spreadsheet will be used until the department’s case management system is available in 2025. Outcome data will remain incomplete, as they depend on clients coming back to the service.',
      actions: [
        {
          text: 'Design a case-tracking spreadsheet with the data protection officer',
          inline: 'dash',
          timeframe: 'December 2023',
          responsible: 'Senior lawyer',
          status: 'completed',
          statusWritten: 'Completed',
        },
        {
          text: 'Move the case data into the department’s case management system',
          timeframe: '2025',
          responsible: 'IT department',
          status: 'open',
          statusWritten: 'Not initiated',
        },
      ],
    },
    {
      text: 'Offer regular supervision and debriefing to lawyers and interpreters, who described high levels of stress after hearing clients’ accounts of violence.',
      addressedTo: 'LAIS coordinator',
      priority: 1,
      response: 'accepted',
      responseText: 'Accept.',
      actions: [
        {
          text: 'Contract an external supervisor for monthly group sessions',
          inline: 'dash',
          timeframe: 'Q1 2024',
          responsible: 'LAIS coordinator',
          status: 'completed',
          statusWritten: 'Completed',
          comments: 'First session held on 8 February 2024.',
        },
        {
          text: 'Give staff access to the municipality’s confidential counselling line',
          timeframe: 'Already available',
          responsible: 'Human resources',
          status: 'discarded',
          statusWritten: 'Discarded',
          comments: 'Staff already have access; the line was presented at a team meeting.',
        },
      ],
    },
    {
      text: 'Open the service to migrants in an irregular situation who are not in the asylum procedure.',
      addressedTo: 'Department of Migration and Integration',
      priority: 3,
      response: 'rejected',
      responseText:
        'Reject. The mandate and the funding of the service are limited to asylum seekers and refugees. People outside the procedure are referred to the Red Door legal clinic.',
      actions: [
        {
          text: 'Agree a referral arrangement with the Red Door legal clinic',
          timeframe: 'October 2023',
          responsible: 'LAIS coordinator',
          status: 'completed',
          statusWritten: 'Completed',
        },
      ],
    },
  ],
  layout: () =>
    layout2022(m, {
      words: {
        ...T2022_EN,
        rec: (n) => (n ? `Evaluation recommendation # ${n}:` : 'Evaluation recommendation:'),
        addressedTo: 'Recommendation to:',
        priority: 'Priority (1 to 3):',
      },
      header: {
        titleYear:
          'Final evaluation of the Legal Aid and Information Service for asylum seekers and refugees (LAIS) – 2023',
        evaluators: m.evaluators,
        owner: m.owner,
        date: '14 September 2023',
      },
      headerStyle: 'paragraphs',
      form: 'blocks',
      responseMode: 'delete',
      statusLevel: 'action',
      repeatHeader: false,
      twoLine: 'break',
      actionNumbers: false,
      time2Empty: 'instruction',
      furniture: { footer: [pageAlone('center')] },
      font: 'Calibri',
      size: 11,
      author: 'LAIS',
    }),
  checks: { lineStarts: ['(see recommendation #2)'] },
};

export default m;
