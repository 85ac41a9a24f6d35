/**
 * 2022 template at "Time 0": one wide table, one row per key action, the recommendation and the
 * response merged down over their actions, the header row repeated; the response given by
 * striking out the other options; the "(Time 2)" cells still holding the template's instruction;
 * recommendations numbered I–VII; optional hyphens in the narrow columns.
 */
import type { MatrixSpec } from '../spec.js';
import { layout2022, pageOf } from '../templates.js';
import { T2022_EN } from '../words.js';

const m: MatrixSpec = {
  name: 'en-2022-reception-centres-struck',
  language: 'en',
  summary:
    'final evaluation of a reception-centres programme; 2022 template, one row per key action, options struck out, Time 2 cells with instructions, I–VII.',
  habits: [
    'time-markers-2022',
    'struck-out-options',
    'instruction-text-left',
    'table-across-pages',
    'repeated-header-row',
    'page-header-footer',
    'letters-or-roman-numbers',
    'hyphenation-at-line-end',
    'typographic-quotes',
    'multi-paragraph-cells',
    'funding-conditional',
  ],
  statusTemplate: '2022',
  title: 'Final Evaluation of the “Safe Harbour” Reception Centres Programme',
  year: 2024,
  evaluators: 'Meridian Evaluation Group',
  owner: 'Director, Reception and Protection Department',
  publishedOn: '2024-11-05',
  overallComment:
    'The department thanks the evaluators and the 140 residents who took part in interviews and focus groups. Most findings confirm what centre managers have reported; the response below sets out what will change in the next operating period.',
  recommendations: [
    {
      number: 'I',
      text: 'Set minimum standards for privacy in the centres: lockable storage for each resident, separate sanitary facilities for women and families, and quiet rooms for study and prayer. Residents of the two oldest centres named the lack of privacy as their main source of stress.',
      response: 'accepted',
      responseText: 'Accept. The standards will be written into the operating contracts of all centres.',
      actions: [
        {
          number: 'I.1',
          text: 'Draft minimum privacy standards with residents’ represen¬tatives and centre managers',
          timeframe: 'Q1 2025',
          responsible: 'Reception Standards Unit',
        },
        {
          number: 'I.2',
          text: 'Include the standards in the operating contracts when they are renewed',
          timeframe: 'July 2025',
          responsible: 'Procurement and Legal',
        },
        {
          number: 'I.3',
          text: 'Refurbish the sanitary facilities of the Hillcrest and Portside centres',
          timeframe: '2025–2026 (subject to availability of funds)',
          responsible: 'Facilities Manage¬ment',
          fundingConditional: true,
        },
      ],
    },
    {
      number: 'II',
      text: 'Give every resident an individual orien¬tation session in a language they understand within three days of arrival, covering their rights, the asylum procedure, health care and the rules of the centre. The group sessions offered now are too general and are often held weeks after arrival.',
      response: 'partially_accepted',
      responseText:
        'Partially accept\nIndividual sessions within three days will be offered to vulnerable residents. Other residents will join a group session within one week, held in their language with an inter¬preter.',
      actions: [
        {
          number: 'II.1',
          text: 'Revise the orien¬tation package and translate it into the eight most common languages',
          timeframe: 'Q2 2025',
          responsible: 'Infor¬mation and Counselling Unit',
        },
        {
          number: 'II.2',
          text: 'Train centre staff to identify the residents who need an individual session',
          timeframe: 'Q2 2025',
          responsible: 'Protection Unit',
        },
      ],
    },
    {
      number: 'III',
      text: 'Strengthen the identification of vulnerable residents on arrival (survivors of torture and trafficking, young people leaving unaccompanied minors’ care, people with disabilities) with a standard screening tool and a clear referral pathway to speci¬alised services.',
      response: 'accepted',
      responseText: 'Accept',
      actions: [
        {
          number: 'III.1',
          text: 'Adopt the screening tool developed with the national rehabili¬tation centre for survivors of torture',
          timeframe: 'Q1 2025',
          responsible: 'Protection Unit',
        },
        {
          number: 'III.2',
          text: 'Sign referral agreements with speci¬alised services in each region',
          timeframe: 'By end of 2025',
          responsible: 'Protection Unit; regional coordinators',
        },
      ],
    },
    {
      number: 'IV',
      text: 'Open the centres to the surrounding community through volunteering, sport and cultural activities, to reduce the isolation of residents and the tensions with neighbours that the evaluation observed in two towns.',
      response: 'accepted',
      responseText:
        'Accept. Several centres already do so; the “open doors” days at Portside are a good example for the others.',
      actions: [
        {
          number: 'IV.1',
          text: 'Appoint a community liaison focal point in each centre',
          timeframe: 'Q2 2025',
          responsible: 'Centre managers',
        },
        {
          number: 'IV.2',
          text: 'Fund small joint activities proposed by residents and neighbours together',
          timeframe: 'Ongoing',
          responsible: 'Community Relations Officer',
        },
      ],
    },
    {
      number: 'V',
      text: 'Reduce the time people granted protection stay in the centres, currently eleven months on average after the decision, by working with municipalities on housing.',
      response: 'rejected',
      responseText:
        'Reject\nHousing recognised refugees is the responsibility of municipalities under the Reception Act, and the programme cannot take on that role. The department will, however, share monthly data on the people waiting for housing with the Ministry.',
      actions: [
        {
          number: 'V.1',
          text: 'Share monthly data on residents waiting for housing with the Ministry’s housing directorate',
          timeframe: 'Monthly, from January 2025',
          due: null,
          responsible: 'Infor¬mation Management Unit',
        },
      ],
    },
    {
      number: 'VI',
      text: 'Improve the quality of the food, adapt it to dietary and religious needs, and let residents cook for themselves where the building allows it.',
      response: 'partially_accepted',
      responseText:
        'Partially accept\nMenus will be reviewed with residents. Shared kitchens will only be installed where the building and the fire regu¬lations allow it.',
      actions: [
        {
          number: 'VI.1',
          text: 'Set up a menu committee with residents in each centre',
          timeframe: 'Q1 2025',
          responsible: 'Centre managers',
        },
        {
          number: 'VI.2',
          text: 'Assess which centres can host a shared kitchen',
          timeframe: 'Q3 2025',
          responsible: 'Facilities Manage¬ment',
        },
      ],
    },
    {
      number: 'VII',
      text: 'Monitor the programme with a small set of indicators on residents’ well-being and on the quality of services, collected in the same way in all centres.',
      response: 'accepted',
      responseText: 'Accept',
      actions: [
        {
          number: 'VII.1',
          text: 'Agree on ten indicators with centre managers and residents’ represen¬tatives',
          timeframe: 'Q2 2025',
          responsible: 'M&E Unit',
        },
        {
          number: 'VII.2',
          text: 'Run the first residents’ satisfaction survey in all centres',
          timeframe: 'Q4 2025',
          responsible: 'M&E Unit',
        },
      ],
    },
  ],
  layout: () =>
    layout2022(m, {
      words: { ...T2022_EN, rec: (n) => `${n}.` },
      header: {
        titleYear: 'Final Evaluation of the “Safe Harbour” Reception Centres Programme / 2024',
        evaluators: m.evaluators,
        owner: m.owner,
        date: '5 November 2024',
        overallComment: m.overallComment,
      },
      headerStyle: 'table',
      form: 'rows',
      responseMode: 'strike',
      statusLevel: 'recommendation',
      repeatHeader: true,
      twoLine: 'break',
      actionNumbers: true,
      time2Empty: 'instruction',
      furniture: { footer: [pageOf('Page', 'of', 'left')] },
      font: 'Arial',
      size: 9,
      author: 'Reception and Protection Department',
    }),
};

export default m;
