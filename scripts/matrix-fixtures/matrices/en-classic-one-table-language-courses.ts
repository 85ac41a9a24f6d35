/**
 * Classic template, the whole matrix in one table with the key-action headings once on top as a
 * repeated header row; "Recommendation to" and "Priority level" side by side; two-line headings;
 * running title and "Page X of Y"; a priority range, a funding condition, curly quotes and a few
 * optional hyphens.
 */
import type { MatrixSpec } from '../spec.js';
import { classicLayout, pageOf } from '../templates.js';
import { CLASSIC_EN } from '../words.js';

const m: MatrixSpec = {
  name: 'en-classic-one-table-language-courses',
  language: 'en',
  summary:
    'final evaluation of a language-course project; one big table, headings repeated on each page, 7 recommendations.',
  habits: [
    'whole-matrix-one-table',
    'table-across-pages',
    'repeated-header-row',
    'page-header-footer',
    'two-line-header-cells',
    'labels-side-by-side',
    'priority-range',
    'funding-conditional',
    'typographic-quotes',
    'hyphenation-at-line-end',
    'multi-paragraph-cells',
  ],
  statusTemplate: 'classic',
  title: 'Final evaluation of the “Open Doors” Language Pathways project',
  year: 2023,
  evaluators: 'Westbrook Social Research Ltd. (external team of three evaluators)',
  owner: 'Programme Manager, Integration Unit – Daniel Okafor',
  publishedOn: '2024-02-19',
  overallComment:
    'Management welcomes the evaluation, which confirms that the project reached the newcomers it was designed for and that most participants progressed by at least one level.\nThe recommendations are practical and most of them can be carried out within the current grant; where they cannot, this is said in the response.',
  recommendations: [
    {
      number: '1',
      text: 'Keep the evening and weekend classes introduced in 2022 and extend them to the two northern districts, where most participants work shifts in food processing and in care homes and cannot attend day¬time courses.',
      addressedTo:
        'Programme Manager, in consultation with the Adult Education Partnership Board and the education depart¬ments of Norrby and Eastvale',
      priority: 1,
      response: 'accepted',
      responseText:
        'Accept. Evening classes have been the most effective way of reaching working partici¬pants, and both districts have already offered rooms in their community centres.',
      actions: [
        {
          number: '1.1',
          text: 'Sign room-use agreements with the community centres of Norrby and Eastvale',
          timeframe: 'Q1 2024',
          responsible: 'Programme Manager',
          status: 'completed',
          comments: 'Both agreements signed in January 2024.',
        },
        {
          number: '1.2',
          text: 'Recruit and train four additional evening teachers, giving priority to teachers with experience of multi¬lingual classrooms',
          timeframe: 'By end of April 2024',
          responsible: 'HR Officer; Teaching Coordinator',
          status: 'initiated',
          comments: 'Two teachers recruited; interviews for the other two are planned for March.',
        },
        {
          number: '1.3',
          text: 'Open two evening groups and one Saturday group in each district',
          timeframe: 'September 2024',
          responsible: 'Teaching Coordinator',
          status: 'not_initiated',
        },
      ],
    },
    {
      number: '2',
      text: 'Introduce a placement test and a short individual interview at registration, so that partici¬pants are grouped by level and learning pace rather than by date of arrival. Mixed-level groups were the reason most often given by those who dropped out.',
      addressedTo: 'Teaching Coordinator and registration desk staff at all five sites',
      priority: 2,
      priorityWritten: '2-3',
      response: 'partially_accepted',
      responseText:
        'Partially accept. A placement test will be introduced at all sites. Individual interviews for every applicant cannot be staffed with the current team; they will be offered to applicants with little or no schooling.',
      actions: [
        {
          number: '2.1',
          text: 'Adapt the placement test of the Adult Education Centre to the project’s four levels and train registration staff to run it',
          timeframe: 'Q2 2024',
          responsible: 'Teaching Coordinator',
          status: 'initiated',
          comments: 'Draft test reviewed by the teachers’ group on 6 February.',
        },
        {
          number: '2.2',
          text: 'Offer a 20-minute interview to applicants who report fewer than six years of schooling',
          timeframe: 'From September 2024',
          due: null,
          responsible: 'Registration desk staff',
          status: 'not_initiated',
        },
      ],
    },
    {
      number: '3',
      text: 'Develop work-related language modules with employers in the sectors where participants find jobs (care, logistics, hospitality), combining classroom learning with short work placements.',
      addressedTo: 'Programme Manager; Employer Relations Officer',
      priority: 1,
      response: 'accepted',
      responseText:
        'Accept. A first module for care assistants will be piloted with the regional care providers’ association, which has asked for it.',
      actions: [
        {
          number: '3.1',
          text: 'Design a care-sector module with the regional care providers’ association',
          timeframe: 'Q3 2024',
          responsible: 'Curriculum team',
          status: 'not_initiated',
        },
        {
          number: '3.2',
          text: 'Pilot the module with one group of twelve participants, including a two-week placement in a care home',
          timeframe: 'Q4 2024 – Q1 2025',
          responsible: 'Teaching Coordinator; Employer Relations Officer',
          status: 'not_initiated',
        },
        {
          number: '3.3',
          text: 'Extend the approach to logistics and hospitality\nThe extension will depend on the results of the pilot and on the renewal of the grant.',
          timeframe: '2025 (subject to funding)',
          responsible: 'Programme Manager',
          fundingConditional: true,
          status: 'not_initiated',
        },
      ],
    },
    {
      number: '4',
      text: 'Provide childcare during classes, or reimburse childcare costs: one participant in three who left the course early gave the lack of childcare as the reason.',
      addressedTo: 'Programme Manager',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Partially accept. A childcare corner will be run by trained volunteers at the two largest sites. Reimbursing childcare costs is not eligible under the current grant agreement; the donor will be asked whether savings can be used for it.',
      actions: [
        {
          number: '4.1',
          text: 'Set up a supervised childcare corner at the Central Library and Eastvale sites',
          timeframe: 'By end of June 2024',
          responsible: 'Volunteer Coordinator',
          status: 'initiated',
          comments: 'Room at the Central Library equipped; volunteers being vetted.',
        },
        {
          number: '4.2',
          text: 'Ask the donor to approve the use of savings on rent for childcare reimburse¬ments',
          timeframe: 'Q2 2024',
          responsible: 'Programme Manager',
          fundingConditional: true,
          status: 'not_initiated',
          comments:
            'Conditional on the reception of dedicated funding; the request goes with the mid-year financial report.',
        },
      ],
    },
    {
      number: '5',
      text: 'Strengthen the monitoring system: record attendance per session, test results per level and the reasons for leaving in one database shared by all sites, and report on these data to the steering committee every six months.',
      addressedTo: 'Monitoring and Evaluation Officer',
      priority: 2,
      response: 'accepted',
      responseText: 'Accept.',
      actions: [
        {
          number: '5.1',
          text: 'Move attendance and test records from the sites’ spread¬sheets into the shared database',
          timeframe: 'Q2 2024',
          responsible: 'M&E Officer',
          status: 'initiated',
        },
        {
          number: '5.2',
          text: 'Add a short exit form for participants who leave before the end of the course',
          timeframe: 'Q2 2024',
          responsible: 'M&E Officer; Teaching Coordinator',
          status: 'not_initiated',
        },
        {
          number: '5.3',
          text: 'Present the first six-monthly monitoring report to the steering committee',
          timeframe: 'December 2024',
          responsible: 'M&E Officer',
          status: 'not_initiated',
        },
      ],
    },
    {
      number: '6',
      text: 'Offer teachers regular training on teaching literacy to adults who did not learn to read and write in their first language, and on recognising the effects of trauma on learning.',
      addressedTo: 'Teaching Coordinator',
      priority: 2,
      response: 'accepted',
      responseText:
        'Accept. Both topics were requested by the teachers themselves in the evaluation’s survey.',
      actions: [
        {
          number: '6.1',
          text: 'Organise two training days a year on literacy teaching for adults',
          timeframe: 'Twice a year, from Q3 2024',
          responsible: 'Teaching Coordinator',
          status: 'not_initiated',
        },
        {
          number: '6.2',
          text: 'Agree with the regional trauma centre on a half-day session for all teachers on trauma-informed teaching',
          timeframe: 'By end of 2024',
          responsible: 'Teaching Coordinator',
          status: 'not_initiated',
        },
      ],
    },
    {
      number: '7',
      text: 'Publish course information in the main languages of participants and through the channels they use (community associations, social media groups, the notice boards of reception centres) instead of relying on the municipal website.',
      addressedTo: 'Communications Officer',
      priority: 3,
      response: 'accepted',
      responseText: 'Accept. This was started during the evaluation.',
      actions: [
        {
          number: '7.1',
          text: 'Translate the course leaflet into Arabic, Dari, Somali, Tigrinya and Ukrainian',
          timeframe: 'Q1 2024',
          responsible: 'Communications Officer',
          status: 'completed',
          comments: 'Leaflets printed and sent to the reception centres.',
        },
        {
          number: '7.2',
          text: 'Agree with five community associations that they share course dates in their networks',
          timeframe: 'Ongoing',
          responsible: 'Communications Officer; Volunteer Coordinator',
          status: 'initiated',
          comments:
            'Three associations on board (“Hand in Hand”, the Eritrean Women’s Circle and Dar Al-Salam).',
        },
      ],
    },
  ],
  layout: () =>
    classicLayout(m, {
      words: {
        ...CLASSIC_EN,
        timeframe: 'Timeframe or\ndeadline',
        responsible: 'Responsible\nunit(s)',
        comments: 'Comments or\naction taken',
      },
      header: {
        titleYear: 'Final evaluation of the “Open Doors” Language Pathways project / 2023',
        evaluators: m.evaluators,
        owner: m.owner,
        overallComment: m.overallComment,
        date: '19 February 2024',
        order: ['titleYear', 'evaluators', 'owner', 'date', 'overallComment'],
      },
      headerStyle: 'paragraphs',
      container: 'one-table',
      headingsOnTop: true,
      repeatHeader: true,
      sideBySide: 'two-cells',
      monitoring: 'merged',
      twoLine: 'break',
      actionNumbers: true,
      furniture: {
        header: [{ runs: ['Open Doors Language Pathways – Management response'], align: 'right' }],
        footer: [pageOf('Page', 'of')],
      },
      font: 'Arial',
      size: 10,
      author: 'Daniel Okafor',
    }),
};

export default m;
