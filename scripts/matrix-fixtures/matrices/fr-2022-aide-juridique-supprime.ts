/**
 * 2022 template in French ("(Temps 0)"/"(Temps 2)"), the whole matrix in one table: each label a
 * row, each recommendation a block; recommendations A–E; the options deleted from the response;
 * key actions unnumbered with their deadline and unit in brackets in the sentence; status and
 * comments per recommendation at "Time 2", the instruction left where nothing was filled in;
 * a priority range, funding conditions, cross-references.
 */
import type { MatrixSpec } from '../spec.js';
import { layout2022, pageAlone } from '../templates.js';
import { frenchSpaces, T2022_FR } from '../words.js';

const m: MatrixSpec = frenchSpaces<MatrixSpec>({
  name: 'fr-2022-aide-juridique-supprime',
  language: 'fr',
  summary:
    'final evaluation of mobile legal-aid desks in rural areas; 2022 template as one table of blocks, options deleted, recommendations A–E, statuses per recommendation.',
  habits: [
    'time-markers-2022',
    'deleted-options',
    'instruction-text-left',
    'whole-matrix-one-table',
    'letters-or-roman-numbers',
    'unnumbered-actions',
    'timeframe-in-action-text',
    'priority-range',
    'cross-reference-at-line-start',
    'funding-conditional',
    'table-across-pages',
    'header-not-repeated',
    'page-header-footer',
    'multi-paragraph-cells',
    'typographic-quotes',
  ],
  statusTemplate: '2022',
  title:
    'Évaluation finale du projet « Permanences juridiques mobiles » pour les personnes exilées en zone rurale',
  year: 2023,
  evaluators: 'Coopérative Évalua – M. Julien Ferrand',
  owner: 'Coordinatrice régionale du projet',
  publishedOn: '2023-07-03',
  recommendations: [
    {
      number: 'A',
      text: 'Pérenniser les permanences juridiques mobiles dans les six bourgs desservis et en ouvrir deux nouvelles dans le sud du département, où aucune offre d’accès au droit n’existe pour les personnes étrangères.',
      addressedTo: 'Coordination régionale',
      priority: 1,
      response: 'partially_accepted',
      responseText:
        'Accepter partiellement. Les six permanences existantes seront pérennisées ; l’ouverture de deux nouveaux points dépendra du renouvellement de la subvention régionale.',
      status: 'open',
      statusWritten: 'En cours',
      comments:
        'Convention pluriannuelle signée en décembre 2023.\nLa demande de subvention pour les deux nouveaux points est en cours d’instruction.',
      actions: [
        {
          text: 'Inscrire les six permanences dans la convention pluriannuelle avec la région',
          inline: 'brackets',
          timeframe: 'T4 2023',
          responsible: 'Coordination régionale',
        },
        {
          text: 'Ouvrir deux permanences supplémentaires à Saint-Aubin et à Montclar',
          inline: 'brackets',
          timeframe: '2024, sous réserve de financement',
          responsible: 'Coordination régionale',
          fundingConditional: true,
        },
      ],
    },
    {
      number: 'B',
      text: 'Former les bénévoles des associations locales au premier niveau d’information juridique, afin qu’ils puissent orienter les personnes entre deux passages de la permanence et préparer avec elles les pièces utiles au rendez-vous suivant, en particulier dans les bourgs les plus éloignés du chef-lieu (voir\u00a0la\u00a0recommandation\u00a0A).',
      addressedTo: 'Juriste référente du projet',
      priority: 2,
      priorityWritten: '2-3',
      response: 'accepted',
      responseText: 'Accepter.',
      status: 'completed',
      statusWritten: 'Achevée',
      comments: 'Trois sessions organisées ; 46 bénévoles formés.',
      actions: [
        {
          text: 'Concevoir un module de formation de deux jours avec le barreau',
          inline: 'brackets',
          timeframe: 'Premier trimestre 2024',
          responsible: 'Juriste référente',
        },
        {
          text: 'Former au moins quarante bénévoles dans les six bourgs',
          inline: 'brackets',
          timeframe: '2024',
          responsible: 'Juriste référente ; associations locales',
        },
      ],
    },
    {
      number: 'C',
      text: 'Permettre la prise de rendez-vous à distance (téléphone, messagerie) pour éviter aux personnes de se déplacer sans être sûres d’être reçues.',
      addressedTo: 'Coordination régionale',
      priority: 2,
      response: 'partially_accepted',
      responseText:
        'Accepter partiellement\nUne ligne téléphonique sera ouverte deux demi-journées par semaine. Les consultations par visioconférence ne seront pas proposées : la confidentialité ne peut pas être garantie dans les lieux d’accueil.',
      status: 'completed',
      statusWritten: 'Achevée',
      actions: [
        {
          text: 'Ouvrir une ligne téléphonique de prise de rendez-vous',
          inline: 'brackets',
          timeframe: 'Septembre 2023',
          responsible: 'Secrétariat',
        },
      ],
    },
    {
      number: 'D',
      text: 'Documenter les situations rencontrées (types de demandes, obstacles administratifs, délais) et les porter à la connaissance de la préfecture et du Défenseur des droits.',
      addressedTo: 'Juriste référente ; coordination régionale',
      priority: 2,
      response: 'accepted',
      responseText: 'Accepter.',
      actions: [
        {
          text: 'Adopter une grille commune de recueil des situations',
          inline: 'brackets',
          timeframe: 'T4 2023',
          responsible: 'Juriste référente',
        },
        {
          text: 'Présenter un bilan annuel anonymisé au comité de suivi réuni avec la préfecture',
          inline: 'brackets',
          timeframe: 'Mars 2024',
          responsible: 'Coordination régionale',
        },
      ],
    },
    {
      number: 'E',
      text: 'Recruter un second juriste à temps plein pour répondre à la hausse des demandes, qui ont doublé entre 2021 et 2022.',
      addressedTo: 'Conseil d’administration de l’association porteuse',
      priority: 1,
      response: 'rejected',
      responseText:
        'Rejeter. Le budget ne permet pas un second poste. Le temps de la juriste sera recentré sur les permanences, les bénévoles formés prenant en charge l’orientation de premier niveau.',
      status: 'discarded',
      statusWritten: 'Écartée',
      comments: 'Recommandation rejetée ; l’agenda de la juriste a été réorganisé en janvier 2024.',
      actions: [
        {
          text: 'Recentrer l’agenda de la juriste sur les permanences et les consultations',
          inline: 'brackets',
          timeframe: 'Janvier 2024',
          responsible: 'Coordination régionale',
        },
      ],
    },
  ],
  layout: () =>
    layout2022(m, {
      words: {
        ...T2022_FR,
        rec: (n) => `Recommandation ${n}\u00a0:`,
        addressedTo: 'Recommandation adressée à\u00a0:',
        priority: 'Niveau de priorité (1 à 3)\u00a0:',
        response: '(Temps 0) Réponse de la direction -\naccepter/accepter partiellement/rejeter',
      },
      header: frenchSpaces({
        titleYear:
          'Évaluation finale du projet « Permanences juridiques mobiles » pour les personnes exilées en zone rurale / 2023',
        evaluators: m.evaluators,
        owner: m.owner,
        date: '3 juillet 2023',
      }),
      headerStyle: 'paragraphs',
      form: 'blocks',
      oneTable: true,
      responseMode: 'delete',
      statusLevel: 'recommendation',
      repeatHeader: false,
      twoLine: 'paragraphs',
      actionNumbers: false,
      time2Empty: 'instruction',
      widths: [4.2, 6, 3, 2.5, 2.5, 3.5],
      furniture: { footer: [pageAlone('right')] },
      font: 'Calibri',
      size: 11,
      author: 'Coordination régionale',
    }),
  checks: { lineStarts: ['(voir la recommandation A)'] },
});

export default m;
