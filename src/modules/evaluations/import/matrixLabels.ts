/**
 * The labels of both matrix templates, in English, French and Spanish: those of the evaluation's header
 * ("Evaluation title/year:", "Evaluator(s):", …) and those of a recommendation ("Recommendation
 * to:", "Priority level (1 to 3):", "Management response …:", "Key actions:", …). Matched on
 * folded text: lower case, no accents, plain quotes.
 */
import { foldText } from '../../../lib/text.js';
import { afterFolded } from './matrixValues.js';

/** A label ends with a colon, or stands alone in its cell with its value in the next cell. */
// (?<!\s): the blanks are tried only from where they start; after a lazy [^:]*? they were tried
// from every blank of a long run, which is quadratic.
const END = String.raw`(?<!\s)\s*(?::\s*|$)`;
const label = (body: string) => new RegExp(`^(?:${body})${END}`);

export type HeaderKind =
  | 'title'
  | 'year'
  | 'period'
  | 'evaluators'
  | 'owner'
  | 'publishedOn'
  | 'overallComment';

export type RecKind =
  | 'addressedTo'
  | 'responsibleUnits'
  | 'priority'
  | 'priorityJustification'
  | 'response'
  | 'keyActions'
  | 'recStatus'
  | 'comments';

/** Recommendation-level labels, tried in this order. */
const REC_LABELS: [RecKind, RegExp][] = [
  [
    'addressedTo',
    label(
      String.raw`recommendation\s+(?:addressed\s+)?to|addressed\s+to|recommandation\s+adressee\s+a|adressee?\s+a|destinataires?(?:\(s\))?|recomendacion\s+dirigida\s+a|dirigida\s+a|destinatario(?:\(s\)|s)?`,
    ),
  ],
  [
    'priorityJustification',
    label(
      String.raw`(?:priority\s+)?(?:justification|rationale|justificacion)(?:\s+(?:of|for)\s+(?:the\s+)?priority)?(?:\s+de\s+la\s+priori(?:te|dad))?(?:\s*\([^)]*\))?`,
    ),
  ],
  [
    'priority',
    label(
      String.raw`(?:priority(?:\s+level)?|niveau\s+de\s+priorite|priorite|nivel\s+de\s+prioridad|prioridad)(?:\s*\([^)]*\))?`,
    ),
  ],
  [
    'response',
    label(
      String.raw`(?:management\s+response|reponse\s+de\s+la\s+(?:direction|gestion)|respuesta\s+de\s+la\s+(?:administracion|direccion|gerencia))[^:]*?`,
    ),
  ],
  // Not \s*(?:\(…\))?\s*: two runs of blanks side by side split a long run every way (quadratic).
  ['keyActions', /^(?:key\s+actions?|actions?\s+cles?|acciones\s+clave)\s*(?:\([^)]*\)\s*)?:\s*/],
  [
    'recStatus',
    label(
      String.raw`(?:implementation\s+(?:monitoring\s+)?status|statut(?:\s+de\s+(?:la\s+)?mise\s+en\s+(?:oe|œ)uvre)?|status|estado(?:\s+de\s+(?:la\s+)?(?:implementacion|aplicacion))?)\b[^:]*?`,
    ),
  ],
  [
    'comments',
    label(
      String.raw`comments?\s+on\s+(?:the\s+)?implementation(?:\s+status)?|comments?|commentaires?(?:\s+sur[^:]*)?|comentarios?(?:\s+sobre[^:]*)?`,
    ),
  ],
  [
    'responsibleUnits',
    label(
      String.raw`responsible\s+(?:individual\s+or\s+)?(?:unit|office|entity|person)(?:\(s\)|s)?|unites?(?:\(s\))?\s+responsables?(?:\(s\))?|unidad(?:es|\(es\))?\s+responsables?(?:\(s\))?|responsables?`,
    ),
  ],
];

/** Evaluation-level labels, read before the first recommendation. */
const HEADER_LABELS: [HeaderKind, RegExp][] = [
  [
    'title',
    label(
      String.raw`evaluation\s+title(?:\s*\/\s*year|\s+and\s+year)?|title\s+of\s+(?:the\s+)?evaluation|titre\s+de\s+l'evaluation(?:\s*\/\s*annee|\s+et\s+annee)?|titulo\s+de\s+la\s+evaluacion(?:\s*\/\s*ano|\s+y\s+ano)?|titre|titulo`,
    ),
  ],
  [
    'year',
    label(
      String.raw`year(?:\s+of\s+(?:the\s+)?evaluation)?|annee(?:\s+de\s+l'evaluation)?|ano(?:\s+de\s+la\s+evaluacion)?`,
    ),
  ],
  [
    'period',
    label(
      String.raw`(?:evaluation\s+)?period(?:\s+(?:covered|evaluated))?(?:\s+(?:by|of)\s+(?:the\s+)?evaluation)?|periode(?:\s+(?:couverte|evaluee))?(?:\s+par\s+l'evaluation)?|periodo(?:\s+(?:cubierto|evaluado))?(?:\s+(?:por|de)\s+la\s+evaluacion)?`,
    ),
  ],
  [
    'evaluators',
    /^(?:evaluator\(s\)|evaluateur\(s\)|evaluador\(es\)|evaluators?|evaluateurs?|evaluador(?:es|a|as)?|evaluation\s+(?:was\s+)?(?:carried\s+out|conducted|undertaken|performed)\s+by|evaluation\s+(?:realisee|conduite|menee)\s+par|evaluacion\s+(?:realizada|llevada\s+a\s+cabo|conducida)\s+por)\s*(?::\s*|$|\s+)/,
  ],
  [
    'owner',
    label(
      String.raw`person\s+or\s+body\s+responsible\s+for[^:]*?|matrix\s+owner|owner|responsable\s+de\s+la\s+matrice|personne\s+ou\s+organe\s+responsable[^:]*?|personne\s+ou\s+entite\s+(?:chargee|responsable)[^:]*?|persona\s+[uo]\s+(?:organo|entidad)\s+(?:responsable|encargada)[^:]*?|responsable\s+de\s+la\s+matriz`,
    ),
  ],
  [
    'publishedOn',
    label(
      String.raw`date\s+of\s+(?:publication|the\s+management\s+response|management\s+response|the\s+report)|publication\s+date|published(?:\s+on)?|date\s+de\s+publication|date\s+de\s+la\s+reponse[^:]*?|date|fecha\s+de\s+(?:la\s+)?(?:publicacion|respuesta[^:]*?)|fecha`,
    ),
  ],
  [
    'overallComment',
    label(
      String.raw`(?:overall\s+(?:management\s+)?comments?(?:\s+on\s+the\s+evaluation)?|general\s+comments?|commentaires?\s+genera(?:l|ux)(?:\s+sur\s+l'evaluation)?|comentarios?\s+generale?s?(?:\s+sobre\s+la\s+evaluacion)?)(?:\s*\([^)]*\))?`,
    ),
  ],
];

/** A cell that starts with a label: which one, and the value after it ("" when it stands alone). */
export interface LabelledCell<K> {
  kind: K;
  value: string;
}

function firstLabel<K>(cell: string, labels: [K, RegExp][]): LabelledCell<K> | null {
  const f = foldText(cell);
  for (const [kind, re] of labels) {
    const m = f.match(re);
    if (m) return { kind, value: afterFolded(cell, m[0].length).trim() };
  }
  return null;
}

/** The evaluation-level label a cell starts with ("Evaluation title/year: …"), if any. */
export const matchHeaderLabel = (cell: string): LabelledCell<HeaderKind> | null =>
  firstLabel(cell, HEADER_LABELS);

/** The recommendation-level label a cell starts with ("Priority level (1 to 3): 2"), if any. */
export const matchRecLabel = (cell: string): LabelledCell<RecKind> | null => firstLabel(cell, REC_LABELS);
