/**
 * The labels of the templates in English, French and Spanish, as most offices write them. Each
 * matrix module starts from these and changes what its office changed ("Timeframe/deadline",
 * "Responsible individual or unit(s)", "Management Response:").
 * French labels keep the non-breaking space before ":" as French typography wants it.
 */
import type { ClassicWords, Words2022 } from './templates.js';

const NB = '\u00a0';

export const CLASSIC_EN: ClassicWords = {
  docTitle: 'MANAGEMENT RESPONSE MATRIX',
  titleYear: 'Evaluation Title/Year:',
  period: 'Period covered:',
  evaluators: 'Evaluation carried out by:',
  owner: 'Person or body responsible for completing management follow up response matrix:',
  overallComment: 'Overall comment on the evaluation:',
  date: 'Date of management response:',
  rec: (n) => `Evaluation recommendation ${n}:`,
  addressedTo: 'Recommendation to:',
  priority: 'Priority level (1 to 3):',
  response: 'Management response (Accept/Partially Accept/Reject):',
  action: 'Key actions',
  timeframe: 'Timeframe or deadline',
  responsible: 'Responsible unit(s)',
  monitoring: 'Implementation monitoring',
  comments: 'Comments or action taken',
  status: 'Status',
  statuses: {
    not_initiated: 'Not initiated',
    initiated: 'Initiated',
    completed: 'Completed',
    no_longer_applicable: 'No longer applicable',
  },
};

export const CLASSIC_FR: ClassicWords = {
  docTitle: 'MATRICE DE RÉPONSE DE LA DIRECTION',
  titleYear: `Titre de l’évaluation / année${NB}:`,
  period: `Période couverte${NB}:`,
  evaluators: `Évaluation réalisée par${NB}:`,
  owner: `Personne ou entité chargée de compléter la matrice de suivi de la réponse de la direction${NB}:`,
  overallComment: `Commentaire général sur l’évaluation${NB}:`,
  date: `Date de la réponse de la direction${NB}:`,
  rec: (n) => `Recommandation ${n}${NB}:`,
  addressedTo: `Recommandation adressée à${NB}:`,
  priority: `Niveau de priorité (1 à 3)${NB}:`,
  response: `Réponse de la direction (Accepter/Accepter partiellement/Rejeter)${NB}:`,
  action: 'Actions clés',
  timeframe: 'Délai',
  responsible: 'Unité(s) responsable(s)',
  monitoring: 'Suivi de la mise en œuvre',
  comments: 'Commentaires',
  status: 'Statut',
  statuses: {
    not_initiated: 'Non initiée',
    initiated: 'Initiée',
    completed: 'Achevée',
    no_longer_applicable: 'Plus applicable',
  },
};

export const CLASSIC_ES: ClassicWords = {
  docTitle: 'MATRIZ DE RESPUESTA DE LA ADMINISTRACIÓN',
  titleYear: 'Título de la evaluación / año:',
  period: 'Período cubierto:',
  evaluators: 'Evaluación realizada por:',
  owner: 'Persona o entidad responsable de completar la matriz de seguimiento:',
  overallComment: 'Comentario general sobre la evaluación:',
  date: 'Fecha de la respuesta de la administración:',
  rec: (n) => `Recomendación ${n}:`,
  addressedTo: 'Recomendación dirigida a:',
  priority: 'Nivel de prioridad (1 a 3):',
  response: 'Respuesta de la administración (Aceptar/Aceptar parcialmente/Rechazar):',
  action: 'Acciones clave',
  timeframe: 'Plazo',
  responsible: 'Unidad(es) responsable(s)',
  monitoring: 'Seguimiento de la implementación',
  comments: 'Comentarios',
  status: 'Estado',
  statuses: {
    not_initiated: 'No iniciada',
    initiated: 'Iniciada',
    completed: 'Completada',
    no_longer_applicable: 'Ya no aplicable',
  },
};

export const T2022_EN: Words2022 = {
  docTitle: 'MANAGEMENT RESPONSE AND FOLLOW-UP MATRIX',
  titleYear: 'Evaluation Title/Year:',
  evaluators: 'Evaluation carried out by:',
  owner: 'Person or body responsible for completing management follow up response matrix:',
  overallComment: 'Overall comment on the evaluation:',
  date: 'Date of management response:',
  rec: (n) => `Evaluation recommendation # ${n}:`,
  recHeading: 'Evaluation recommendation',
  response: '(Time 0) Management response - accept/partially accept/reject',
  options: ['Accept', 'Partially accept', 'Reject'],
  optionSep: ' / ',
  keyActions: '(Time 0) Key actions',
  responsible: '(Time 0) Responsible unit(s)',
  timeframe: '(Time 0) Timeframe',
  status: '(Time 2) Implementation monitoring status - discarded / not initiated / in progress / completed',
  comments: '(Time 2) Comments on implementation status',
  statuses: { open: 'In progress', discarded: 'Discarded', completed: 'Completed' },
  instruction: 'Complete this field when following up on the implementation.',
};

export const T2022_FR: Words2022 = {
  docTitle: 'MATRICE DE RÉPONSE DE LA DIRECTION ET DE SUIVI',
  titleYear: `Titre de l’évaluation / année${NB}:`,
  evaluators: `Évaluation réalisée par${NB}:`,
  owner: `Personne ou entité chargée de compléter la matrice de suivi de la réponse de la direction${NB}:`,
  overallComment: `Commentaire général sur l’évaluation${NB}:`,
  date: `Date de la réponse de la direction${NB}:`,
  rec: (n) => `Recommandation d’évaluation n° ${n}${NB}:`,
  recHeading: 'Recommandation de l’évaluation',
  response: '(Temps 0) Réponse de la direction - accepter/accepter partiellement/rejeter',
  options: ['Accepter', 'Accepter partiellement', 'Rejeter'],
  optionSep: ' / ',
  keyActions: '(Temps 0) Actions clés',
  responsible: '(Temps 0) Unité(s) responsable(s)',
  timeframe: '(Temps 0) Délai',
  status: '(Temps 2) Statut de la mise en œuvre - écartée / non initiée / en cours / achevée',
  comments: '(Temps 2) Commentaires sur l’état de la mise en œuvre',
  statuses: { open: 'En cours', discarded: 'Écartée', completed: 'Achevée' },
  instruction: 'Compléter ce champ lors du suivi de la mise en œuvre.',
};

export const T2022_ES: Words2022 = {
  docTitle: 'MATRIZ DE RESPUESTA DE LA ADMINISTRACIÓN Y SEGUIMIENTO',
  titleYear: 'Título de la evaluación / año:',
  evaluators: 'Evaluación realizada por:',
  owner: 'Persona o entidad responsable de completar la matriz de seguimiento:',
  overallComment: 'Comentario general sobre la evaluación:',
  date: 'Fecha de la respuesta de la administración:',
  rec: (n) => `Recomendación de la evaluación n.º ${n}:`,
  recHeading: 'Recomendación de la evaluación',
  response: '(Tiempo 0) Respuesta de la administración - aceptar/aceptar parcialmente/rechazar',
  options: ['Aceptar', 'Aceptar parcialmente', 'Rechazar'],
  optionSep: ' / ',
  keyActions: '(Tiempo 0) Acciones clave',
  responsible: '(Tiempo 0) Unidad(es) responsable(s)',
  timeframe: '(Tiempo 0) Plazo',
  status: '(Tiempo 2) Estado de la implementación - descartada / no iniciada / en curso / completada',
  comments: '(Tiempo 2) Comentarios sobre el estado de la implementación',
  statuses: { open: 'En curso', discarded: 'Descartada', completed: 'Completada' },
  instruction: 'Complete este campo al hacer el seguimiento de la implementación.',
};

/**
 * French typography as Word's autocorrect writes it: non-breaking spaces inside « » and before
 * : ; ? ! — applied to every text of a matrix (the reading has plain spaces, see spec.ts plain()).
 */
export function frenchSpaces<T>(value: T): T {
  if (typeof value === 'string')
    return value
      .replace(/« /g, `«${NB}`)
      .replace(/ »/g, `${NB}»`)
      .replace(/ ([:;?!])/g, `${NB}$1`) as T;
  if (Array.isArray(value)) return value.map((v) => frenchSpaces(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'function' ? v : frenchSpaces(v);
    return out as T;
  }
  return value;
}
