/**
 * 2022 template in French whose "(Time 0)"/"(Time 2)" markers were left in English: one wide
 * table, one row per key action, the header row (headings on two lines) repeated on each page;
 * recommendations not numbered; the response given by striking out the other options; statuses
 * per key action filled in for some and the template's instruction left in others; a funding
 * condition; optional hyphens in the narrow columns.
 */
import type { MatrixSpec } from '../spec.js';
import { layout2022, pageOf } from '../templates.js';
import { frenchSpaces, T2022_FR } from '../words.js';

const m: MatrixSpec = frenchSpaces<MatrixSpec>({
  name: 'fr-2022-centres-accueil-barre',
  language: 'fr',
  summary:
    'mid-term evaluation of first-reception centres; 2022 template with its "(Time 0)" markers left in English, options struck out, unnumbered recommendations, statuses per action.',
  habits: [
    'time-markers-2022',
    'struck-out-options',
    'instruction-text-left',
    'table-across-pages',
    'repeated-header-row',
    'page-header-footer',
    'two-line-header-cells',
    'unnumbered-recommendations',
    'unnumbered-actions',
    'multi-paragraph-cells',
    'hyphenation-at-line-end',
    'funding-conditional',
    'typographic-quotes',
  ],
  statusTemplate: '2022',
  title:
    'Évaluation à mi-parcours du programme d’accueil et d’orientation dans les centres de premier accueil',
  year: 2025,
  evaluators: 'Mme Sophie Lambert et M. Karim Benali, évaluateurs indépendants',
  owner: 'Direction de l’hébergement et de l’accompagnement',
  publishedOn: '2025-04-08',
  overallComment:
    'La direction partage l’essentiel des constats. Les recommandations portant sur la durée de séjour dépassent toutefois ses compétences et sont traitées avec l’Office.',
  recommendations: [
    {
      text: 'Organiser, dès l’arrivée, un entretien individuel d’orien¬tation avec chaque personne accueillie, afin d’identifier ses besoins, ses vulnéra¬bilités éventuelles et ses démarches en cours ; aujourd’hui, seules les familles en bénéficient.',
      response: 'accepted',
      responseText:
        'Accepter. Un entretien sera proposé à chaque personne dans les 72 heures suivant son arrivée, avec un interprète si nécessaire.',
      actions: [
        {
          text: 'Rédiger une trame d’entretien commune aux quatre centres',
          timeframe: 'Juin 2025',
          responsible: 'Pôle accom¬pagnement social',
          status: 'completed',
          statusWritten: 'Achevée',
          comments: 'Trame validée en comité de direction le 12 juin.',
        },
        {
          text: 'Former les travailleurs sociaux à la conduite de l’entretien et au repérage des vulnéra¬bilités',
          timeframe: 'T3 2025',
          responsible: 'Pôle accom¬pagnement social ; pôle santé',
          status: 'open',
          statusWritten: 'En cours',
        },
      ],
    },
    {
      text: 'Améliorer l’accès aux soins en proposant un bilan de santé à toute personne accueillie et en désignant, dans chaque centre, un référent santé chargé des orien¬tations vers l’hôpital et la médecine de ville.',
      response: 'partially_accepted',
      responseText:
        'Accepter partiellement\nUn bilan infirmier sera systématique ; le bilan médical complet restera réservé aux personnes orientées par l’infirmière, faute de médecins disponibles.',
      actions: [
        {
          text: 'Recruter une infirmière coordi¬natrice pour les quatre centres',
          timeframe: 'T3 2025, sous réserve de financement',
          responsible: 'Direction',
          fundingConditional: true,
          status: 'open',
          statusWritten: 'Non initiée',
          comments: 'Demande de financement déposée auprès de l’agence régionale de santé.',
        },
        {
          text: 'Conven¬tionner avec la perma¬nence d’accès aux soins de santé (PASS) de l’hôpital',
          timeframe: 'Septembre 2025',
          responsible: 'Pôle santé',
        },
      ],
    },
    {
      text: 'Renforcer l’information juridique des personnes accueillies, dont beaucoup ignorent les délais de recours et les conditions de l’entretien à l’Office ; le livret d’accueil n’existe qu’en français et en anglais.',
      response: 'accepted',
      responseText: 'Accepter',
      actions: [
        {
          text: 'Organiser une perma¬nence juridique hebdomadaire dans chaque centre avec l’association partenaire',
          timeframe: 'Octobre 2025',
          responsible: 'Direction ; association « Droits devant »',
          status: 'open',
          statusWritten: 'En cours',
          comments: 'Perma¬nences ouvertes dans deux centres sur quatre.',
        },
        {
          text: 'Traduire le livret d’accueil en douze langues et l’enregistrer en version audio',
          timeframe: 'Fin 2025',
          responsible: 'Pôle communi¬cation',
        },
      ],
    },
    {
      text: 'Préparer la sortie des centres dès le début du séjour : ouverture des droits sociaux, inscription en cours de français, recherche d’héber¬gement, afin d’éviter les sorties « sèches » constatées pour près d’un tiers des personnes.',
      response: 'partially_accepted',
      responseText:
        'Accepter partiellement\nL’ouverture des droits et l’inscription en cours de français seront engagées dès l’arrivée ; la recherche d’héber¬gement relève des services intégrés d’accueil et d’orien¬tation du département.',
      actions: [
        {
          text: 'Intégrer l’ouverture des droits sociaux dans le plan d’accom¬pagnement établi à l’arrivée',
          timeframe: 'Juillet 2025',
          responsible: 'Pôle accom¬pagnement social',
          status: 'completed',
          statusWritten: 'Achevée',
        },
        {
          text: 'Signer une convention avec les organismes de formation linguistique du territoire',
          timeframe: 'Second semestre 2025',
          responsible: 'Direction',
        },
      ],
    },
    {
      text: 'Associer les résidents à la vie des centres, par exemple au moyen d’un conseil de la vie sociale réunissant résidents, salariés et bénévoles.',
      response: 'accepted',
      responseText: 'Accepter. Un conseil sera installé dans chaque centre.',
      actions: [
        {
          text: 'Installer un conseil de la vie sociale dans chaque centre et en adopter le règlement',
          timeframe: 'D’ici fin 2025',
          responsible: 'Chefs de service des centres',
          status: 'open',
          statusWritten: 'En cours',
        },
      ],
    },
    {
      text: 'Réduire la durée de séjour dans les centres, qui atteint en moyenne cinq mois pour une durée prévue de quatre semaines.',
      response: 'rejected',
      responseText:
        'Rejeter\nLa durée de séjour dépend des orien¬tations décidées au niveau national ; la direction n’a pas la main sur ce levier. Elle transmettra chaque mois la liste des personnes en attente d’orien¬tation.',
      actions: [
        {
          text: 'Transmettre chaque mois à l’Office la liste des personnes en attente d’orien¬tation',
          timeframe: 'Mensuel',
          responsible: 'Direction',
          status: 'open',
          statusWritten: 'En cours',
        },
      ],
    },
  ],
  layout: () =>
    layout2022(m, {
      words: {
        ...T2022_FR,
        rec: () => '',
        response: '(Time 0) Réponse de la direction - accepter/accepter partiellement/rejeter',
        keyActions: '(Time 0)\nActions clés',
        responsible: '(Time 0)\nUnité(s) responsable(s)',
        timeframe: '(Time 0)\nDélai',
        status: '(Time 2)\nStatut de la mise en œuvre - écartée / non initiée / en cours / achevée',
        comments: '(Time 2)\nCommentaires sur l’état de la mise en œuvre',
      },
      header: frenchSpaces({
        titleYear:
          'Évaluation à mi-parcours du programme d’accueil et d’orientation dans les centres de premier accueil – 2025',
        evaluators: m.evaluators,
        owner: m.owner,
        overallComment: m.overallComment,
        date: '8 avril 2025',
      }),
      headerStyle: 'table',
      form: 'rows',
      responseMode: 'strike',
      statusLevel: 'action',
      repeatHeader: true,
      twoLine: 'break',
      actionNumbers: false,
      time2Empty: 'instruction',
      widths: [5.2, 3.4, 4.4, 2.6, 1.8, 2.2, 3],
      furniture: {
        header: [{ runs: ['Direction de l’hébergement et de l’accompagnement'], align: 'left' }],
        footer: [pageOf('Page', 'sur', 'center')],
      },
      font: 'Arial',
      size: 9,
      author: 'DHA',
    }),
});

export default m;
