/**
 * Reads a management response matrix from lines of cells (pasted text, or what the Word and PDF
 * readers produce): the classic template (a key-action table with its columns) and the 2022 one
 * (bulleted key actions), with English or French labels. What it cannot place is kept as a note
 * and reported as a warning; it never guesses a response or a date.
 */
import { parseTimeframe } from '../../../lib/parseTimeframe.js';
import { foldText } from '../../../lib/text.js';
import { Invalid } from '../../../server/errors.js';
import type { ActionStatus } from '../../actions/model.js';
import type {
  ImportedAction,
  ImportedEvaluation,
  ImportedRecommendation,
  ImportResult,
  ImportWarning,
  Response,
  StatusTemplate,
} from '../model.js';
import { lineText, type MatrixLine, textToLines } from './lines.js';

// ---------- labels (matched on folded text: lower case, no accents, plain quotes) ----------

/** A label ends with a colon, or stands alone in its cell with its value in the next cell. */
const END = String.raw`\s*(?::\s*|$)`;
const label = (body: string) => new RegExp(`^(?:${body})${END}`);

const RECOMMENDATION =
  /^(?:evaluation\s+)?recomm?[ae]ndation\s*(?:#|no\.?|n°|nº)?\s*(\d{1,3})\s*(?:[:.)–-]|$)\s*/;

type Kind =
  | 'addressedTo'
  | 'responsibleUnits'
  | 'priority'
  | 'priorityJustification'
  | 'response'
  | 'keyActions'
  | 'recStatus'
  | 'comments'
  | 'title'
  | 'year'
  | 'period'
  | 'evaluators'
  | 'owner'
  | 'publishedOn'
  | 'overallComment';

/** Recommendation-level labels, tried in this order. */
const REC_LABELS: [Kind, RegExp][] = [
  [
    'addressedTo',
    label(
      String.raw`recommendation\s+(?:addressed\s+)?to|addressed\s+to|recommandation\s+adressee\s+a|adressee?\s+a|destinataires?(?:\(s\))?`,
    ),
  ],
  [
    'priorityJustification',
    label(
      String.raw`(?:priority\s+)?(?:justification|rationale)(?:\s+(?:of|for)\s+(?:the\s+)?priority)?(?:\s+de\s+la\s+priorite)?(?:\s*\([^)]*\))?`,
    ),
  ],
  ['priority', label(String.raw`(?:priority(?:\s+level)?|niveau\s+de\s+priorite|priorite)(?:\s*\([^)]*\))?`)],
  ['response', label(String.raw`(?:management\s+response|reponse\s+de\s+la\s+(?:direction|gestion))[^:]*?`)],
  ['keyActions', /^(?:key\s+actions?|actions?\s+cles?)\s*(?:\([^)]*\))?\s*:\s*/],
  [
    'recStatus',
    label(
      String.raw`(?:implementation\s+(?:monitoring\s+)?status|statut(?:\s+de\s+(?:la\s+)?mise\s+en\s+(?:oe|œ)uvre)?|status)\b[^:]*?`,
    ),
  ],
  [
    'comments',
    label(
      String.raw`comments?\s+on\s+(?:the\s+)?implementation(?:\s+status)?|comments?|commentaires?(?:\s+sur[^:]*)?`,
    ),
  ],
  [
    'responsibleUnits',
    label(
      String.raw`responsible\s+(?:individual\s+or\s+)?(?:unit|office|entity|person)(?:\(s\)|s)?|unites?(?:\(s\))?\s+responsables?(?:\(s\))?|responsables?`,
    ),
  ],
];

/** Evaluation-level labels, read before the first recommendation. */
const HEADER_LABELS: [Kind, RegExp][] = [
  [
    'title',
    label(
      String.raw`evaluation\s+title(?:\s*\/\s*year|\s+and\s+year)?|title\s+of\s+(?:the\s+)?evaluation|titre\s+de\s+l'evaluation|titre`,
    ),
  ],
  ['year', label(String.raw`year(?:\s+of\s+(?:the\s+)?evaluation)?|annee(?:\s+de\s+l'evaluation)?`)],
  [
    'period',
    label(String.raw`(?:evaluation\s+)?period(?:\s+(?:covered|of\s+evaluation))?|periode(?:\s+couverte)?`),
  ],
  [
    'evaluators',
    /^(?:evaluator\(s\)|evaluateur\(s\)|evaluators?|evaluateurs?|evaluation\s+(?:was\s+)?(?:carried\s+out|conducted|undertaken|performed)\s+by|evaluation\s+(?:realisee|conduite|menee)\s+par)\s*(?::\s*|$|\s+)/,
  ],
  [
    'owner',
    label(
      String.raw`person\s+or\s+body\s+responsible\s+for[^:]*?|matrix\s+owner|owner|responsable\s+de\s+la\s+matrice|personne\s+ou\s+organe\s+responsable[^:]*?`,
    ),
  ],
  [
    'publishedOn',
    label(
      String.raw`date\s+of\s+(?:publication|the\s+management\s+response|management\s+response|the\s+report)|publication\s+date|published(?:\s+on)?|date\s+de\s+publication|date\s+de\s+la\s+reponse[^:]*?|date`,
    ),
  ],
  [
    'overallComment',
    label(
      String.raw`(?:overall\s+(?:management\s+)?comments?(?:\s+on\s+the\s+evaluation)?|general\s+comments?|commentaires?\s+genera(?:l|ux))(?:\s*\([^)]*\))?`,
    ),
  ],
];

const HEADINGS =
  /^(?:management\s+(?:follow[\s-]*up\s+)?response\s+matrix|matrice\s+de\s+(?:suivi\s+de\s+la\s+)?reponse\s+de\s+la\s+direction|management\s+response)\s*:?$/;

/** Instruction text left in template cells: not data. */
const INSTRUCTION =
  /^(?:\(?time\s*[12]\)?|complete\s+this\s+(?:field|column|section)|do\s+not\s+complete|to\s+be\s+completed|fill\s+(?:in|this|out)|please\s+(?:indicate|insert|complete|fill|select|specify|describe)|\[?insert\b|select\s+(?:one|from)|delete\s+as\s+appropriate|a\s+remplir|ne\s+pas\s+remplir|a\s+completer|indiquer\s+ici)/;

const TABLE_HEADER_CELL = {
  text: /^(?:key\s+actions?|actions?\s+cles?|actions?)\b/,
  timeframe: /\b(?:timeframe|time\s*frame|deadline|timeline|delai|echeance|calendrier)/,
  responsible: /\b(?:responsib|responsable)/,
  comments: /\b(?:comments?|action\s+taken|commentaires?|implementation\s+monitoring|suivi)/,
  status: /\b(?:status|statut)\b/,
};
type Column = keyof typeof TABLE_HEADER_CELL;
const DEFAULT_COLUMNS: Column[] = ['text', 'timeframe', 'responsible', 'comments', 'status'];

const ACTION_NUMBER = /^(\d{1,3}\.\d{1,3})\.?(?=\s|$|[A-Za-z])/;
const NUMBER_JOINER = /^\s*(and|&|,|et|e|to|-|–)\s*(\d{1,3}\.\d{1,3})\.?(?=\s|$)/i;
const BULLET = /^\s*(?:[-•●▪◦*–·]|\(?[a-z]\)|\(?\d{1,2}[.)](?!\d))\s+/i;

const STATUS_WORDS: [RegExp, ActionStatus][] = [
  [
    /^(?:not\s+(?:yet\s+)?(?:initiated|started)|non\s+(?:initie|commence)|pas\s+(?:encore\s+)?(?:commence|initie)|non\s+avviat)/,
    'not_initiated',
  ],
  [
    /^(?:no\s+longer\s+applicable|not\s+applicable|n\/a|plus\s+applicable|non\s+applicable|sans\s+objet)/,
    'no_longer_applicable',
  ],
  [
    /^(?:completed?|done|achieved|finished|closed|implemented|termine|achevee?|realisee?|complete|clos|concluso|completato)/,
    'completed',
  ],
  [
    /^(?:initiated|in\s+progress|ongoing|on-going|started|under\s+way|underway|initie|en\s+cours|commence|in\s+corso|avviato)/,
    'initiated',
  ],
  [/^(?:open|ouvert|aperto)/, 'open'],
  [/^(?:discarded|dropped|abandoned|cancelled|canceled|ecartee?|abandonnee?|annulee?|scartato)/, 'discarded'],
];

/** Maps a status as written to the template's vocabulary, or null when it is not one of its words. */
export function readStatus(written: string, template: StatusTemplate): ActionStatus | null {
  const f = foldText(written)
    .replace(/[._*]+$/, '')
    .trim();
  for (const [re, status] of STATUS_WORDS) {
    if (!re.test(f)) continue;
    if (template === 'classic') {
      if (status === 'open') return 'initiated';
      if (status === 'discarded') return 'no_longer_applicable';
      return status;
    }
    if (status === 'completed' || status === 'open' || status === 'discarded') return status;
    return status === 'no_longer_applicable' ? 'discarded' : 'open';
  }
  return null;
}

/** Reads the management response from what its text says; null when it says none of them. */
export function readResponse(text: string): Response | null {
  const f = foldText(text).trim();
  if (!f) return null;
  const first = f.split(/(?<=[.!?;])\s|\n/)[0] ?? f;
  const scopes = [first, ...(f.match(/[^.]*\brecommendation\s+(?:is|was|has been)\s+[^.]*/g) ?? [])];
  for (const s of scopes) {
    if (
      /\b(?:partially|partly|in\s+part)\s+(?:accept|agree)|\bpartiellement\s+accept|\baccepte?e?s?\s+(?:partiellement|en\s+partie)|\bparzialmente\s+accett/.test(
        s,
      )
    ) {
      return 'partially_accepted';
    }
    if (
      /\b(?:reject|rejet|not\s+accept|non\s+accept|does\s+not\s+accept|do\s+not\s+accept|cannot\s+accept|declin|refus|respint)/.test(
        s,
      )
    ) {
      return 'rejected';
    }
    if (/\b(?:accept|agree[sd]?\b|accepte|accett)/.test(s)) return 'accepted';
  }
  return null;
}

const PRIORITY_WORDS: Record<string, number> = {
  high: 1,
  haute: 1,
  elevee: 1,
  alta: 1,
  medium: 2,
  moyenne: 2,
  media: 2,
  low: 3,
  basse: 3,
  faible: 3,
  bassa: 3,
};
const NONE_VALUE = /^(?:n\/?a|n\.a\.?|none|not\s+applicable|non\s+applicable|sans\s+objet|-+|—|–)$/;

function stripEmphasis(s: string): string {
  return s.replace(/^[*_]{1,3}(?=\S)([\s\S]*?\S)[*_]{1,3}$/, '$1').trim();
}

const isInstruction = (s: string) => INSTRUCTION.test(foldText(s.trim()));

/** A value with its template instructions removed: "(Time 2) Complete this field…" → "". */
function dropInstruction(s: string): string {
  const kept = s
    .split('\n')
    .filter((p) => !isInstruction(p))
    .join('\n');
  return stripEmphasis(kept.trim());
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

const append = (prev: string | null, more: string, sep = '\n') => (prev ? `${prev}${sep}${more}` : more);

// ---------- the parser ----------

interface ActionRow {
  where: string;
  numbers: string[];
  cols: Record<Column, string>;
}

interface RecDraft {
  rec: ImportedRecommendation;
  where: string;
  index: number;
  /** Recommendation-level "Responsible unit(s)" of the 2022 template, given to its actions. */
  responsibleUnits: string | null;
  rows: ActionRow[];
  source: string[];
}

type Field =
  | 'text'
  | 'addressedTo'
  | 'priorityJustification'
  | 'responseText'
  | 'comments'
  | 'responsibleUnits'
  | 'keyActions'
  | 'table'
  | 'evalOverall'
  | 'none';

export interface MatrixTextOptions {
  /** Name shown in warnings and used as a title when the text names none. */
  sourceName?: string;
}

export function importMatrixText(input: string, options: MatrixTextOptions = {}): ImportResult {
  if (input.trim() === '') throw new Invalid('The file is empty: there is no matrix to import.');
  return importMatrixLines(textToLines(input), options);
}

/**
 * Labels that share a row in the template ("Recommendation to: X | Priority level (1 to 3): 2")
 * arrive in one cell when the column break was lost (text from PDFs, some pastes): cut there.
 */
const INLINE_LABEL =
  /\s(?=(?:priority\s+level|niveau\s+de\s+priorit[eé]|responsible\s+unit\(s\)|recommendation\s+to)\b[^:\n]{0,40}:)/i;

function splitInlineLabels(cell: string): string[] {
  const c = cell.trim();
  const m = c.match(INLINE_LABEL);
  if (!m || m.index === undefined || !c.slice(0, m.index).includes(':')) return [c];
  return [c.slice(0, m.index).trim(), ...splitInlineLabels(c.slice(m.index))];
}

/** Lines with one cell of several paragraphs become one line per paragraph, as pasted text would. */
function expand(lines: MatrixLine[]): MatrixLine[] {
  return lines.flatMap((line) => {
    const filled = line.cells.filter((c) => c.trim() !== '');
    if (filled.length === 1 && filled[0].includes('\n')) {
      return filled[0].split('\n').map((p) => ({ cells: [p.trim()], where: line.where }));
    }
    return [line];
  });
}

export function importMatrixLines(input: MatrixLine[], options: MatrixTextOptions = {}): ImportResult {
  const lines = expand(input);
  if (!lines.some((l) => l.cells.some((c) => c.trim() !== ''))) {
    throw new Invalid('The file is empty: there is no matrix to import.');
  }
  const warnings: ImportWarning[] = [];
  const warn = (message: string, where: string, path?: string) =>
    warnings.push(path ? { message, where, path } : { message, where });

  const evaluation: ImportedEvaluation = {
    title: '',
    year: null,
    period: null,
    evaluators: null,
    owner: null,
    publishedOn: null,
    overallComment: null,
    statusTemplate: 'classic',
    notes: [],
    recommendations: [],
  };
  let explicitYear = false;
  let votes2022 = 0;
  const drafts: RecDraft[] = [];
  const headerSource: string[] = [];
  // Parser state, in an object so closures see its changes.
  const st: { cur: RecDraft | null; field: Field } = { cur: null, field: 'none' };
  let columns: Column[] = [...DEFAULT_COLUMNS];
  let headerJustRead = false;
  const headerNotes: { where: string; text: string }[] = [];

  const recPath = (d: RecDraft, field?: string) => `recommendations.${d.index}${field ? `.${field}` : ''}`;

  const setRecField = (d: RecDraft, f: Field, value: string) => {
    const v = dropInstruction(value);
    if (!v) return;
    const r = d.rec;
    if (f === 'text') r.text = append(r.text || null, v);
    else if (f === 'addressedTo') r.addressedTo = append(r.addressedTo, v, ' ');
    else if (f === 'priorityJustification') r.priorityJustification = append(r.priorityJustification, v, ' ');
    else if (f === 'responseText') r.responseText = append(r.responseText, v);
    else if (f === 'comments') r.comments = append(r.comments, v);
    else if (f === 'responsibleUnits') d.responsibleUnits = append(d.responsibleUnits, v, ' ');
  };

  /** Puts a row's cells into its columns; paragraphs in a cell are one value, except in comments. */
  const addCells = (cols: Record<Column, string>, cells: string[]) => {
    cells.forEach((c, i) => {
      const col = columns[i];
      const v = col === 'comments' ? c : c.replace(/\s*\n\s*/g, ' ');
      if (col && v) cols[col] = append(cols[col] || null, v, col === 'comments' && cols[col] ? '\n' : ' ');
    });
  };

  const newRow = (where: string, numbers: string[], cells: string[]): ActionRow => {
    const cols: Record<Column, string> = {
      text: '',
      timeframe: '',
      responsible: '',
      comments: '',
      status: '',
    };
    addCells(cols, cells);
    return { where, numbers, cols };
  };

  /** Leading "6.2 and 6.3", "6.2-6.4", "6.2, 6.3" → numbers and the rest of the cell. */
  const readNumbers = (cell: string): { numbers: string[]; rest: string } | null => {
    const m = cell.match(ACTION_NUMBER);
    if (!m) return null;
    const numbers = [m[1]];
    let rest = cell.slice(m[0].length);
    for (;;) {
      const j = rest.match(NUMBER_JOINER);
      if (!j) break;
      const last = numbers[numbers.length - 1];
      const [maj, min] = last.split('.').map(Number);
      const [jmaj, jmin] = j[2].split('.').map(Number);
      if (/^(to|-|–)$/i.test(j[1]) && maj === jmaj && jmin > min && jmin - min <= 20) {
        for (let k = min + 1; k <= jmin; k++) numbers.push(`${maj}.${k}`);
      } else numbers.push(j[2]);
      rest = rest.slice(j[0].length);
    }
    return { numbers, rest: rest.replace(/^\s*[:.)–-]?\s*/, '') };
  };

  const startRecommendation = (line: MatrixLine, number: string, rest: string) => {
    const d: RecDraft = {
      where: line.where,
      index: drafts.length,
      responsibleUnits: null,
      rows: [],
      source: [],
      rec: {
        number,
        text: '',
        addressedTo: null,
        priority: null,
        priorityJustification: null,
        response: null,
        responseText: null,
        status: null,
        comments: null,
        notes: [],
        actions: [],
      },
    };
    drafts.push(d);
    st.cur = d;
    st.field = 'text';
    columns = [...DEFAULT_COLUMNS];
    if (rest) setRecField(d, 'text', rest);
  };

  const readTitle = (v: string) => {
    let title = v.replace(/[.;]+$/, '').trim();
    const paren = title.match(/\(([^()]*\b(?:19|20|21)\d{2}\b[^()]*)\)\s*$/);
    if (paren && /^\s*(?:19|20|21)\d{2}\s*$/.test(paren[1])) {
      // "Title (2024)": the year alone, no period.
      title = title.slice(0, paren.index).trim();
    } else if (paren) {
      evaluation.period = evaluation.period ?? paren[1].trim();
      title = title.slice(0, paren.index).trim();
    } else {
      const tail = title.match(/[,/–-]\s*((?:19|20|21)\d{2})$/);
      if (tail) title = title.slice(0, tail.index).trim();
    }
    const years = [...v.matchAll(/\b(?:19|20|21)\d{2}\b/g)].map((y) => Number(y[0]));
    if (!explicitYear && years.length > 0) evaluation.year = Math.max(...years);
    evaluation.title = title;
  };

  const readEvaluators = (v: string, where: string) => {
    // "the research centre X specifically by A, B and C. The external evaluation aims to…"
    const split = v.match(/^([\s\S]*?\.)\s+(?=\p{Lu})([\s\S]+)$/u);
    const who = (split ? split[1] : v).replace(/\.$/, '').trim();
    evaluation.evaluators = append(evaluation.evaluators, who, '; ');
    if (split) {
      evaluation.notes.push(split[2].trim());
      warn(
        'Text after the evaluators was kept as a note on the evaluation',
        `evaluation header (${where})`,
        'notes',
      );
    }
  };

  const readPublished = (v: string, where: string) => {
    const r = parseTimeframe(v, {});
    if (r.due && (r.due.from === r.due.to || r.due.from === null)) evaluation.publishedOn = r.due.to;
    else {
      evaluation.notes.push(`Date as written: ${v}`);
      warn(
        `The date "${v}" could not be read as one day; it was kept as a note`,
        `evaluation header (${where})`,
        'publishedOn',
      );
    }
  };

  const readPriority = (d: RecDraft, v: string, where: string) => {
    const f = foldText(v).trim();
    if (NONE_VALUE.test(f)) return;
    const m = f.match(/^(\d+|[a-z]+)\b\s*[-–:,.(]?\s*/);
    const word = m?.[1] ?? '';
    const p = /^\d+$/.test(word) ? Number(word) : PRIORITY_WORDS[word];
    if ((p === 1 || p === 2 || p === 3) && m) {
      d.rec.priority = p;
      const rest = v
        .slice(m[0].length)
        .replace(/\)\s*$/, '')
        .trim();
      if (rest) d.rec.priorityJustification = append(d.rec.priorityJustification, rest, ' ');
    } else {
      d.rec.priorityJustification = append(d.rec.priorityJustification, v, ' ');
      warn(
        `The priority "${v}" is not 1, 2 or 3; it was left empty and kept as its justification`,
        `recommendation ${d.rec.number}, priority (${where})`,
        recPath(d, 'priority'),
      );
    }
  };

  const addBulletAction = (d: RecDraft, raw: string, where: string) => {
    const v = raw.replace(BULLET, '').trim();
    if (!v || isInstruction(v)) return;
    const nums = readNumbers(v);
    let text = nums ? nums.rest : v;
    let timeframe = '';
    // Deadline in trailing parentheses: "Train staff (Q2 2023)"; a parenthesis that is no date stays text.
    const paren = text.match(/^([\s\S]*?)\s*\(([^()]+)\)\s*[.;]?$/);
    if (paren) {
      const reading = parseTimeframe(paren[2], { year: evaluation.year });
      const dateLike = /\d|\b(?:q|t|h|s)[1-4]\b|ongoing|continu|n\/a/i.test(foldText(paren[2]));
      if (reading.kind === 'window' || reading.fundingConditional || dateLike) {
        text = paren[1].trim();
        timeframe = paren[2].trim();
      }
    } else {
      const dl = text.match(/^([\s\S]*?)\s*[-–—;,]?\s*(?:deadline|échéance|delai|délai)\s*:?\s*([^,;]+)$/i);
      if (dl && parseTimeframe(dl[2], { year: evaluation.year }).kind === 'window') {
        text = dl[1].trim();
        timeframe = dl[2].trim();
      }
    }
    const numbers = nums?.numbers ?? [
      `${d.rec.number}.${d.rows.reduce((n, r) => n + r.numbers.length, 0) + 1}`,
    ];
    d.rows.push({ where, numbers, cols: { text, timeframe, responsible: '', comments: '', status: '' } });
  };

  const matchLabel = (cell: string, atRecLevel: boolean): { kind: Kind; value: string } | null => {
    const f = foldText(cell);
    for (const [kind, re] of atRecLevel ? REC_LABELS : HEADER_LABELS) {
      const m = f.match(re);
      if (m) return { kind, value: cell.slice(m[0].length).trim() };
    }
    return null;
  };

  /** Applies one "label: value"; for the open-ended fields later lines continue the value. */
  const apply = (kind: Kind, value: string, line: MatrixLine) => {
    const where = line.where;
    const v = dropInstruction(value);
    const d = st.cur;
    if (!d) {
      st.field = 'none';
      if (kind === 'title') readTitle(v);
      else if (kind === 'year') {
        const y = v.match(/\b(19|20|21)\d{2}\b/);
        if (y) {
          evaluation.year = Number(y[0]);
          explicitYear = true;
        } else if (v) warn(`The year "${v}" is not a year`, `evaluation header (${where})`, 'year');
      } else if (kind === 'period') evaluation.period = v || evaluation.period;
      else if (kind === 'evaluators' && v) readEvaluators(v, where);
      else if (kind === 'owner') evaluation.owner = v || evaluation.owner;
      else if (kind === 'publishedOn' && v) readPublished(v, where);
      else if (kind === 'overallComment') {
        evaluation.overallComment = v || evaluation.overallComment;
        st.field = 'evalOverall';
      }
      return;
    }
    switch (kind) {
      case 'addressedTo':
      case 'priorityJustification':
      case 'comments':
      case 'responsibleUnits':
        if (kind === 'responsibleUnits') votes2022++;
        st.field = kind;
        setRecField(d, kind, v);
        return;
      case 'priority':
        if (v) readPriority(d, v, where);
        st.field = 'priorityJustification';
        return;
      case 'response':
        if (
          /accept\s*\/\s*partially\s+accept\s*\/\s*reject/.test(foldText(lineText(line))) &&
          /-\s*accept/.test(foldText(lineText(line)))
        ) {
          votes2022++;
        }
        st.field = 'responseText';
        setRecField(d, 'responseText', v);
        return;
      case 'keyActions':
        votes2022++;
        st.field = 'keyActions';
        for (const item of v.split('\n')) if (item.trim()) addBulletAction(d, item, where);
        return;
      case 'recStatus': {
        if (/discarded\s*\/\s*open\s*\/\s*completed/.test(foldText(lineText(line)))) votes2022++;
        st.field = 'none';
        if (!v) return;
        const s = readStatus(v, '2022');
        if (s === 'open' || s === 'discarded' || s === 'completed') d.rec.status = s;
        else {
          warn(
            `The status "${v}" is not open, discarded or completed; it was kept as a comment`,
            `recommendation ${d.rec.number} (${where})`,
            recPath(d, 'status'),
          );
          d.rec.comments = append(d.rec.comments, `Status as written: ${v}`);
        }
        return;
      }
      default:
        return;
    }
  };

  const isTableHeader = (line: MatrixLine): boolean => {
    const folded = line.cells.map((c) => foldText(c));
    if (
      !TABLE_HEADER_CELL.text.test(folded[0] ?? '') ||
      /:\s*\S/.test(folded[0]) ||
      /:$/.test(folded[0].trim())
    )
      return false;
    return (
      folded
        .slice(1)
        .some((c) => TABLE_HEADER_CELL.timeframe.test(c) || TABLE_HEADER_CELL.responsible.test(c)) ||
      /^(?:key\s+actions?|actions?\s+cles?)$/.test(folded[0].trim())
    );
  };

  const readHeader = (line: MatrixLine, merge: boolean) => {
    const next: Column[] = merge ? [...columns] : [];
    line.cells.forEach((c, i) => {
      const f = foldText(c);
      if (!f) return;
      for (const col of ['timeframe', 'responsible', 'status', 'comments', 'text'] as Column[]) {
        if (TABLE_HEADER_CELL[col].test(f)) {
          next[i] = col;
          break;
        }
      }
    });
    if (!merge) {
      // "Implementation monitoring" is a merged cell over comments and status.
      const monitoring = line.cells.findIndex((c) => /implementation\s+monitoring|suivi/.test(foldText(c)));
      if (monitoring >= 0 && !next.includes('status')) next[monitoring + 1] = 'status';
    }
    for (let i = 0; i < next.length; i++) if (!next[i]) next[i] = DEFAULT_COLUMNS[i] ?? 'comments';
    columns = next;
  };

  const keepAsNote = (d: RecDraft, text: string, where: string) => {
    d.rec.notes.push(text);
    warn(
      `Text "${short(text)}" could not be placed; it was kept as a note on the recommendation`,
      `recommendation ${d.rec.number} (${where})`,
      recPath(d, 'notes'),
    );
  };

  for (const line of lines) {
    const cells = line.cells.flatMap(splitInlineLabels);
    const filled = cells.filter(Boolean);
    if (filled.length === 0) continue;
    const text = filled.join(' ');
    if (/^[-=_|+\s]+$/.test(text)) continue; // table rules such as "-----\t--\t---"
    if (HEADINGS.test(foldText(text))) continue;
    const recMatch = foldText(filled[0]).match(RECOMMENDATION);
    if (recMatch && !(cells[0] === '' && st.field === 'table')) {
      startRecommendation(line, recMatch[1], filled[0].slice(recMatch[0].length).trim());
      st.cur?.source.push(lineText(line));
      if (/^evaluation\s+recommendation\s*#/.test(foldText(filled[0]))) votes2022++;
      for (const c of filled.slice(1)) setRecField(st.cur as unknown as RecDraft, 'text', c);
      continue;
    }
    const cur = st.cur;
    if (cur) cur.source.push(lineText(line));
    else headerSource.push(lineText(line));

    // The classic key-action table: its header (and the sub-header under a merged cell).
    if (cur) {
      const subheader: boolean =
        headerJustRead &&
        cells[0] === '' &&
        cells.some((c) => /comment|status|statut|action\s+taken/.test(foldText(c)));
      if (isTableHeader(line) || subheader) {
        readHeader(line, subheader);
        st.field = 'table';
        headerJustRead = !subheader;
        continue;
      }
    }
    headerJustRead = false;

    // Labelled cells, possibly several on one line; a label alone in its cell takes the next cell.
    const firstLabel = matchLabel(filled[0], cur !== null);
    if (firstLabel) {
      for (let i = 0; i < filled.length; i++) {
        const found = i === 0 ? firstLabel : matchLabel(filled[i], st.cur !== null);
        if (found) {
          let value = found.value;
          if (!value && i + 1 < filled.length && !matchLabel(filled[i + 1], st.cur !== null))
            value = filled[++i];
          apply(found.kind, value, line);
        } else if (
          st.cur &&
          [
            'text',
            'addressedTo',
            'priorityJustification',
            'responseText',
            'comments',
            'responsibleUnits',
          ].includes(st.field)
        ) {
          setRecField(st.cur, st.field, filled[i]);
        } else if (st.cur && st.field === 'keyActions') {
          addBulletAction(st.cur, filled[i], line.where);
        } else if (st.cur) keepAsNote(st.cur, filled[i], line.where);
        else if (!isInstruction(filled[i])) headerNotes.push({ where: line.where, text: filled[i] });
      }
      continue;
    }

    if (!cur) {
      if (st.field === 'evalOverall') evaluation.overallComment = append(evaluation.overallComment, text);
      else if (!isInstruction(text)) headerNotes.push({ where: line.where, text });
      continue;
    }

    if (st.field === 'table') {
      const nums = readNumbers(cells[0] ?? '');
      if (nums) {
        cur.rows.push(newRow(line.where, nums.numbers, [nums.rest, ...cells.slice(1)].map(dropInstruction)));
      } else {
        const kept = cells.map(dropInstruction);
        if (kept.every((c) => c === '')) continue;
        const last = cur.rows[cur.rows.length - 1];
        if (last) {
          // A row broken over several lines (page breaks, wrapped cells): continue its cells.
          addCells(last.cols, kept);
        } else {
          const number = `${cur.rec.number}.1`;
          cur.rows.push(newRow(line.where, [number], kept));
          warn(
            `A key action had no number; it was numbered ${number}`,
            `recommendation ${cur.rec.number} (${line.where})`,
            `${recPath(cur, 'actions')}.0.number`,
          );
        }
      }
      continue;
    }

    if (st.field === 'keyActions') {
      const isBullet = BULLET.test(text) || ACTION_NUMBER.test(text);
      const last = cur.rows[cur.rows.length - 1];
      if (!isBullet && last && !isInstruction(text)) last.cols.text = append(last.cols.text, text, ' ');
      else addBulletAction(cur, text, line.where);
      continue;
    }

    if (st.field !== 'none') {
      setRecField(cur, st.field, text);
      continue;
    }
    if (!isInstruction(text)) keepAsNote(cur, text, line.where);
  }

  if (drafts.length === 0) {
    throw new Invalid(
      'No recommendation found: this does not look like a management response matrix. Expected lines such as "Evaluation recommendation 1: …" followed by the management response and key actions.',
    );
  }

  evaluation.statusTemplate = votes2022 >= 2 ? '2022' : 'classic';
  const template = evaluation.statusTemplate;
  if (!evaluation.title) {
    evaluation.title = options.sourceName
      ? options.sourceName.replace(/\.[a-z0-9]+$/i, '')
      : 'Untitled evaluation';
    warn('The matrix names no evaluation title; please give one', 'evaluation header', 'title');
  }
  for (const n of headerNotes) {
    evaluation.notes.push(n.text);
    warn(
      `Text "${short(n.text)}" could not be placed; it was kept as a note on the evaluation`,
      `evaluation header (${n.where})`,
      'notes',
    );
  }

  const seen = new Set<string>();
  for (const d of drafts) {
    const r = d.rec;
    const where = `recommendation ${r.number}`;
    if (seen.has(r.number))
      warn(`Recommendation ${r.number} appears twice`, `${where} (${d.where})`, recPath(d, 'number'));
    seen.add(r.number);
    if (!r.text) warn('The recommendation has no text', `${where} (${d.where})`, recPath(d, 'text'));
    r.addressedTo = r.addressedTo ? stripEmphasis(r.addressedTo) : d.responsibleUnits;
    if (r.responseText) {
      r.responseText = stripEmphasis(r.responseText);
      r.response = readResponse(r.responseText);
    }
    if (!r.response) {
      warn(
        r.responseText
          ? 'The management response does not say whether the recommendation is accepted, partially accepted or rejected; it was left empty'
          : 'No management response was given',
        `${where}, management response`,
        recPath(d, 'response'),
      );
    }
    r.text = stripEmphasis(r.text);
    let offset = 0;
    r.actions = d.rows.flatMap((row) => {
      const made = toActions(row, d, template, evaluation.year, offset, warn);
      offset += made.length;
      return made;
    });
  }
  evaluation.recommendations = drafts.map((d) => d.rec);
  return {
    evaluation,
    warnings,
    sources: { header: headerSource.join('\n'), recommendations: drafts.map((d) => d.source.join('\n')) },
  };
}

/** One table row → one action per number; "8.1 Design … 8.2 Plan …" written in one cell → two. */
function toActions(
  row: ActionRow,
  d: RecDraft,
  template: StatusTemplate,
  year: number | null,
  offset: number,
  warn: (message: string, where: string, path?: string) => void,
): ImportedAction[] {
  const texts = splitRunTogether(row.numbers, row.cols.text, d.rec.number);
  const timeframe = stripEmphasis(row.cols.timeframe) || null;
  const reading = parseTimeframe(timeframe, { year });
  const statusText = stripEmphasis(row.cols.status);
  let status: ActionStatus | null = null;
  let comments = stripEmphasis(row.cols.comments) || null;
  if (statusText) {
    status = readStatus(statusText, template);
    if (!status) comments = append(comments, `Status as written: ${statusText}`);
  }
  const numbers = texts.map((t) => t.number);
  const where = `recommendation ${d.rec.number}, action ${numbers.join(' and ')}`;
  const path = (field: string) => `recommendations.${d.index}.actions.${offset}.${field}`;
  if (statusText && !status) {
    warn(
      `The status "${statusText}" is not one of the template's statuses; it was kept in the comments`,
      `${where} (${row.where})`,
      path('status'),
    );
  }
  if (reading.kind === 'unreadable') {
    warn(
      `The timeframe "${timeframe}" gives no due window: ${reading.problem}`,
      `${where}, timeframe (${row.where})`,
      path('timeframe'),
    );
  }
  if (numbers.length > 1 && texts.some((t) => t.split)) {
    warn(
      `Actions ${numbers.join(' and ')} were written in one row; they share its timeframe, responsible unit(s) and status`,
      `${where} (${row.where})`,
      path('text'),
    );
  }
  return texts.map((t) => ({
    number: t.number,
    text: stripEmphasis(t.text),
    timeframe,
    due: reading.due,
    responsible: stripEmphasis(row.cols.responsible) || d.responsibleUnits,
    fundingConditional: reading.fundingConditional,
    status,
    comments,
  }));
}

function splitRunTogether(
  numbers: string[],
  text: string,
  recNumber: string,
): { number: string; text: string; split: boolean }[] {
  if (numbers.length > 1) return numbers.map((number) => ({ number, text, split: false }));
  const out: { number: string; text: string; split: boolean }[] = [
    { number: numbers[0], text: '', split: false },
  ];
  let rest = text;
  for (;;) {
    const prev = out[out.length - 1].number.split('.').map(Number);
    const re = /(?:^|\s)(\d{1,3})\.(\d{1,3})\.?\s+(?=\S)/g;
    let found: RegExpExecArray | null = null;
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      if (m[1] === recNumber && Number(m[1]) === prev[0] && Number(m[2]) === prev[1] + 1) {
        found = m;
        break;
      }
    }
    if (!found) break;
    out[out.length - 1].text = rest.slice(0, found.index).trim();
    out.push({ number: `${found[1]}.${found[2]}`, text: '', split: true });
    rest = rest.slice(found.index + found[0].length);
  }
  out[out.length - 1].text = rest.trim();
  return out;
}
