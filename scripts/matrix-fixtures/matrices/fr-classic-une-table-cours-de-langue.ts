/**
 * Classic template in French, the whole matrix in one table with the key-action headings
 * repeated in each recommendation's rows (never as a page header); labels and values in four
 * cells of one row; recommendations I–V; key actions unnumbered, one per row; a priority range
 * "2-3"; a cross-reference wrapped to the start of a line; « » quotes.
 */
import type { MatrixSpec } from '../spec.js';
import { classicLayout, pageOf } from '../templates.js';
import { CLASSIC_FR, frenchSpaces } from '../words.js';

const m: MatrixSpec = frenchSpaces<MatrixSpec>({
  name: 'fr-classic-une-table-cours-de-langue',
  language: 'fr',
  summary:
    'mid-term evaluation of a French-for-work language programme; one table, key-action headings once per recommendation, recommendations I–V, unnumbered actions.',
  habits: [
    'whole-matrix-one-table',
    'table-across-pages',
    'header-not-repeated',
    'page-header-footer',
    'labels-side-by-side',
    'unnumbered-actions',
    'letters-or-roman-numbers',
    'priority-range',
    'cross-reference-at-line-start',
    'typographic-quotes',
    'multi-paragraph-cells',
  ],
  statusTemplate: 'classic',
  title: 'Évaluation à mi-parcours du programme « Français pour l’emploi »',
  year: 2023,
  evaluators: 'Institut Pluriel – Études et évaluation',
  owner: 'Direction régionale de l’emploi, pôle compétences et intégration',
  publishedOn: '2023-10-20',
  recommendations: [
    {
      number: 'I',
      text: 'Adapter le volume horaire des cours au niveau de départ des apprenants : les personnes peu ou pas scolarisées ont besoin d’au moins 400 heures pour atteindre le niveau A1, alors que le programme propose 200 heures à tous.',
      addressedTo: 'Organismes de formation, sous la coordination de la Direction régionale de l’emploi',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Accepter partiellement. Un parcours renforcé de 300 heures sera ouvert pour les personnes peu scolarisées ; 400 heures ne peuvent pas être financées dans l’enveloppe actuelle.',
      actions: [
        {
          text: 'Ouvrir un parcours renforcé de 300 heures dans chaque département',
          timeframe: 'Rentrée de septembre 2024',
          due: { from: '2024-09-01', to: '2024-09-30', inferred: false },
          responsible: 'Organismes de formation',
          status: 'initiated',
          comments: 'Cahier des charges envoyé aux organismes le 2 octobre.',
        },
        {
          text: 'Revoir le test de positionnement pour orienter chaque apprenant vers le bon parcours',
          timeframe: 'Juin 2024',
          responsible: 'Direction régionale de l’emploi – pôle compétences',
        },
      ],
    },
    {
      number: 'II',
      text: 'Mieux articuler les cours de français avec la recherche d’emploi, en intégrant dès le niveau A2 des séquences de français professionnel par secteur et des visites d’entreprises ; les apprenants des parcours renforcés doivent en bénéficier pleinement eux aussi (voir\u00a0recommandation\u00a0I).',
      addressedTo: 'Organismes de formation ; conseillers France Travail',
      priority: 2,
      priorityWritten: '2-3',
      response: 'accepted',
      responseText: 'Accepter.',
      actions: [
        {
          text: 'Concevoir trois modules de français professionnel (bâtiment, aide à la personne, restauration)',
          timeframe: 'T1 2024',
          responsible: 'Organismes de formation',
        },
        {
          text: 'Organiser au moins deux visites d’entreprise par session',
          timeframe: 'À chaque session',
          responsible: 'Organismes de formation ; clubs d’entreprises',
        },
        {
          text: 'Associer un conseiller France Travail au bilan de fin de parcours\nLe conseiller reçoit le bilan écrit une semaine avant l’entretien.',
          timeframe: 'Dès 2024',
          responsible: 'France Travail',
        },
      ],
    },
    {
      number: 'III',
      text: 'Lever les freins matériels à l’assiduité. Un tiers des abandons s’explique par la garde des enfants ou le coût du transport, en particulier pour les apprenantes qui vivent hors des villes où ont lieu les cours.',
      addressedTo: 'Direction régionale de l’emploi',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Accepter partiellement. Les frais de transport seront remboursés.\nLa garde d’enfants relève des communes ; des solutions seront recherchées avec elles.',
      actions: [
        {
          text: 'Rembourser les titres de transport des apprenants sur présentation des justificatifs',
          timeframe: 'Avril 2024',
          responsible: 'Direction régionale de l’emploi',
        },
        {
          text: 'Recenser avec les communes les places de crèche qui peuvent être réservées aux apprenants',
          timeframe: 'Second semestre 2024',
          responsible: 'Chargée de mission intégration',
        },
      ],
    },
    {
      number: 'IV',
      text: 'Professionnaliser les formateurs : moins de la moitié ont une formation en français langue étrangère et presque aucun n’a été formé à l’alphabétisation des adultes.',
      addressedTo: 'Direction régionale de l’emploi et organismes de formation',
      priority: 2,
      response: 'accepted',
      responseText:
        'Accepter. Les organismes ont eux-mêmes exprimé ce besoin lors des ateliers de restitution.',
      actions: [
        {
          text: 'Financer une formation certifiante « FLE pour adultes peu scolarisés » pour vingt formateurs',
          timeframe: '2024-2025',
          responsible: 'Direction régionale de l’emploi',
        },
        {
          text: 'Créer un réseau d’échange de pratiques entre les organismes de formation',
          timeframe: 'En continu',
          responsible: 'Organismes de formation',
          status: 'initiated',
          comments: 'Première rencontre prévue le 14 novembre à Valence.',
        },
      ],
    },
    {
      number: 'V',
      text: 'Suivre les apprenants six mois après la fin du parcours pour connaître leur situation au regard de l’emploi et de la formation.',
      addressedTo: 'Organismes de formation',
      priority: 3,
      response: 'rejected',
      responseText:
        'Rejeter. Le suivi à six mois relève de France Travail ; le programme utilisera les données que France Travail lui transmet.',
      actions: [
        {
          text: 'Conclure un accord d’échange de données avec France Travail',
          timeframe: 'Fin 2024',
          responsible: 'Direction régionale de l’emploi',
        },
      ],
    },
  ],
  layout: () =>
    classicLayout(m, {
      words: {
        ...CLASSIC_FR,
        timeframe: 'Calendrier',
        responsible: 'Responsable(s)',
        comments: 'Commentaires /\nmesures prises',
        status: 'Statut',
      },
      header: frenchSpaces({
        titleYear: 'Évaluation à mi-parcours du programme « Français pour l’emploi » (2023)',
        evaluators: m.evaluators,
        owner: m.owner,
        date: '20 octobre 2023',
      }),
      headerStyle: 'table',
      container: 'one-table',
      headingsOnTop: false,
      repeatHeader: false,
      sideBySide: 'four-cells',
      monitoring: 'flat',
      twoLine: 'break',
      actionNumbers: false,
      widths: [8, 2.6, 3.4, 4, 2],
      furniture: {
        header: [
          {
            runs: [frenchSpaces('Programme « Français pour l’emploi » – matrice de réponse de la direction')],
          },
        ],
        footer: [pageOf('Page', '/', 'right')],
      },
      font: 'Times New Roman',
      size: 12,
      author: 'DRE – pôle compétences',
    }),
  checks: { lineStarts: ['(voir recommandation I)'] },
});

export default m;
