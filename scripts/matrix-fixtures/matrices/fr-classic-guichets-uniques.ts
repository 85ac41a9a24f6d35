/**
 * Classic template in French, written as labelled paragraphs with a small two-cell table for
 * "Recommandation adressée à" and "Niveau de priorité", then a key-action table per
 * recommendation whose two header rows repeat on each page; headings on two paragraphs;
 * "Page X sur Y"; deadlines and units written in the action sentence (", 1 à 3 mois après … –
 * unité"); "sous réserve de financement"; « » and optional hyphens.
 */
import type { MatrixSpec } from '../spec.js';
import { classicLayout, pageOf } from '../templates.js';
import { CLASSIC_FR, frenchSpaces } from '../words.js';

const m: MatrixSpec = frenchSpaces<MatrixSpec>({
  name: 'fr-classic-guichets-uniques',
  language: 'fr',
  summary:
    'final evaluation of one-stop welcome desks in five municipalities; labelled paragraphs and a key-action table per recommendation whose headings repeat on each page; deadlines and units inside action sentences.',
  habits: [
    'table-across-pages',
    'repeated-header-row',
    'page-header-footer',
    'two-line-header-cells',
    'labels-side-by-side',
    'timeframe-in-action-text',
    'funding-conditional',
    'typographic-quotes',
    'hyphenation-at-line-end',
    'multi-paragraph-cells',
  ],
  statusTemplate: 'classic',
  title: 'Évaluation finale du projet « Guichet unique Bienvenue » dans cinq communes de l’agglomération',
  year: 2024,
  evaluators: 'Cabinet Altéa Conseil (Lyon)',
  owner: 'Directrice du service Cohésion sociale, Mme Claire Mercier',
  publishedOn: '2024-12-12',
  overallComment:
    'La direction remercie l’équipe d’évaluation et les agents des cinq guichets pour leur disponibilité. L’évaluation confirme l’utilité d’un point d’entrée unique pour les personnes nouvellement arrivées ; la plupart des recommandations seront mises en œuvre en 2025.',
  recommendations: [
    {
      number: '1',
      text: 'Stabiliser les horaires d’ouverture des guichets et les afficher dans les principales langues des usagers : les fermetures non annoncées sont la première cause d’insatis¬faction relevée par l’enquête auprès des usagers.',
      addressedTo: 'Coordination du projet et responsables des guichets des cinq communes partenaires',
      priority: 1,
      response: 'accepted',
      responseText:
        'Accepter. Des horaires communs seront adoptés par les cinq communes dès le premier trimestre 2025.',
      actions: [
        {
          number: '1.1',
          text: 'Adopter des horaires communs d’ouverture, validés par les conseils municipaux',
          timeframe: 'T1 2025',
          responsible: 'Comité de pilotage',
        },
        {
          number: '1.2',
          text: 'Traduire et afficher les horaires en arabe, dari, tigri¬nya, ukrainien et anglais',
          inline: 'comma',
          timeframe: '1 à 3 mois après l’adoption des horaires',
          responsible: 'Chargée de communication',
        },
      ],
    },
    {
      number: '2',
      text: 'Renforcer l’accom¬pagnement des usagers les moins à l’aise avec les démarches en ligne (titre de séjour, prestations sociales, inscription à France Travail) en proposant des rendez-vous individuels d’au moins 45 minutes avec un·e médiateur·rice numérique.',
      addressedTo: 'Responsables des guichets',
      priority: 1,
      priorityJustification: 'Les démarches de titre de séjour sont désormais entièrement dématé¬rialisées.',
      response: 'partially_accepted',
      responseText:
        'Accepter partiellement. Des rendez-vous de 45 minutes seront proposés dans les trois communes les plus fréquentées ; dans les deux autres, un créneau hebdomadaire sera ouvert.',
      actions: [
        {
          number: '2.1',
          text: 'Recruter deux médiateur·rice·s numériques à mi-temps',
          timeframe: 'Premier semestre 2025, sous réserve de financement',
          responsible: 'Direction Cohésion sociale',
          fundingConditional: true,
          comments: 'Demande déposée auprès de la préfecture au titre des crédits d’intégration.',
        },
        {
          number: '2.2',
          text: 'Mettre en place un agenda partagé de prise de rendez-vous entre les guichets',
          timeframe: 'Mars 2025',
          responsible: 'Service infor¬matique',
        },
        {
          number: '2.3',
          text: 'Former les agents d’accueil aux principales dé¬marches en ligne\nLa formation sera ouverte aux bénévoles des asso¬ciations partenaires.',
          timeframe: 'T2 2025',
          responsible: 'Coordination du projet',
        },
      ],
    },
    {
      number: '3',
      text: 'Formaliser les partenariats avec les services de droit commun (CAF, CPAM, CCAS, Mission locale) par des conventions qui précisent les circuits d’orien¬tation, les délais de réponse et un interlocuteur nommé dans chaque service.',
      addressedTo: 'Coordination du projet',
      priority: 2,
      response: 'accepted',
      responseText: 'Accepter.',
      actions: [
        {
          number: '3.1',
          text: 'Signer une convention d’orien¬tation avec chacun des quatre partenaires',
          inline: 'comma',
          timeframe: 'd’ici fin juin 2025',
          responsible: 'Coordinatrice du projet',
        },
        {
          number: '3.2',
          text: 'Réunir chaque trimestre les référents des partenaires pour examiner les situations bloquées',
          timeframe: 'En continu',
          responsible: 'Coordinatrice du projet',
        },
      ],
    },
    {
      number: '4',
      text: 'Garantir l’accès à un inter¬prétariat de qualité : les agents ont souvent recours aux enfants des usagers ou à des outils de traduction automatique, y compris pour des entretiens portant sur la santé ou les violences subies.',
      addressedTo: 'Direction Cohésion sociale',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Accepter partiellement. L’inter¬prétariat professionnel par téléphone sera généralisé ; l’inter¬prétariat sur place restera réservé aux entretiens sociaux et juridiques.\nLe recours aux enfants comme interprètes sera proscrit par une note de service.',
      actions: [
        {
          number: '4.1',
          text: 'Passer un marché d’inter¬prétariat téléphonique couvrant au moins vingt langues',
          timeframe: 'T2 2025',
          responsible: 'Service des marchés publics',
        },
        {
          number: '4.2',
          text: 'Établir une liste de bénévoles interprètes formés à la confidentialité',
          inline: 'comma',
          timeframe: '1 à 3 mois après le début du marché',
          responsible: 'Chargée de la vie associative',
        },
        {
          number: '4.3',
          text: 'Diffuser une note de service interdisant de faire traduire les entretiens par des enfants',
          timeframe: 'Janvier 2025',
          responsible: 'Directrice du service Cohésion sociale',
          comments: 'Note rédigée, en attente de signature.',
        },
      ],
    },
    {
      number: '5',
      text: 'Améliorer le suivi statistique de la fréquen¬tation et des demandes : les cinq guichets utilisent aujourd’hui des tableaux différents, ce qui empêche toute vue d’ensemble du projet et toute comparaison entre communes.',
      addressedTo:
        'Chargé de suivi-évaluation, en lien avec les responsables des guichets et le service informatique',
      priority: 2,
      response: 'accepted',
      responseText: 'Accepter.',
      actions: [
        {
          number: '5.1',
          text: 'Adopter une fiche de passage commune aux cinq guichets',
          timeframe: 'Janvier 2025',
          responsible: 'Chargé de suivi-évaluation',
        },
        {
          number: '5.2',
          text: 'Publier un bilan semestriel de fréquen¬tation, présenté au comité de pilotage',
          timeframe: 'Second semestre 2025',
          responsible: 'Chargé de suivi-évaluation',
        },
      ],
    },
    {
      number: '6',
      text: 'Étendre le guichet unique à deux communes rurales de l’agglo¬mération, dont les habitants étrangers doivent aujourd’hui parcourir plus de trente kilomètres pour être reçus.',
      addressedTo: 'Comité de pilotage',
      priority: 3,
      response: 'rejected',
      responseText:
        'Rejeter. L’extension n’est pas prévue par la convention de financement en cours ; une permanence itinérante sera étudiée lors de la préparation de la phase 2.',
      actions: [
        {
          number: '6.1',
          text: 'Inclure l’option d’une permanence itinérante dans la note de conception de la phase 2',
          timeframe: '2026, sous réserve de financement',
          responsible: 'Direction Cohésion sociale',
          fundingConditional: true,
        },
      ],
    },
  ],
  layout: () =>
    classicLayout(m, {
      words: {
        ...CLASSIC_FR,
        action: 'Actions\nclés',
        timeframe: 'Délai ou\néchéance',
        responsible: 'Unité(s)\nresponsable(s)',
        monitoring: 'Suivi de la mise en œuvre',
      },
      header: frenchSpaces({
        titleYear:
          'Évaluation finale du projet « Guichet unique Bienvenue » dans cinq communes de l’agglomération / 2024',
        evaluators: m.evaluators,
        owner: m.owner,
        overallComment: m.overallComment,
        date: '12 décembre 2024',
      }),
      headerStyle: 'paragraphs',
      container: 'paragraphs',
      repeatHeader: true,
      sideBySide: 'two-cells',
      monitoring: 'merged',
      twoLine: 'paragraphs',
      actionNumbers: true,
      furniture: {
        header: [
          {
            runs: ['Guichet unique Bienvenue – Réponse de la direction à l’évaluation finale'],
            align: 'center',
          },
        ],
        footer: [pageOf('Page', 'sur')],
      },
      font: 'Arial',
      size: 11,
      author: 'Claire Mercier',
    }),
});

export default m;
