/**
 * Reads a management response matrix from text, as people paste it out of Word or a web page:
 * the classic template (tab-separated key-action table) and the 2022 one (bulleted key actions).
 * What it cannot place is kept as a note and reported as a warning; it never guesses a response
 * or a date.
 */
import { parseTimeframe } from '../../../lib/parseTimeframe.js';
import { decodeEntities, foldText, squash } from '../../../lib/text.js';
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

// ---------- labels (matched on folded text: lower case, no accents, plain quotes) ----------

const RE = {
  recommendation:
    /^(?:evaluation\s+)?recomm?[ae]ndation\s*(?:#|no\.?|n°|no|nº)?\s*(\d{1,3})\s*(?:[:.)–-]|$)\s*/,
  addressedTo:
    /^(?:recommendation\s+(?:addressed\s+)?to|addressed\s+to|recommandation\s+adressee\s+a|adressee?\s+a|destinataires?)\s*(?:\([^)]*\))?\s*:\s*/,
  responsibleUnits:
    /^(?:responsible\s+(?:individual\s+or\s+)?(?:unit|office|entity|person)\(?s?\)?|unites?\(?s?\)?\s+responsables?\(?s?\)?|responsables?)\s*:\s*/,
  priority: /^(?:priority(?:\s+level)?|niveau\s+de\s+priorite|priorite)\s*(?:\([^)]*\))?\s*:\s*/,
  priorityJustification:
    /^(?:priority\s+)?(?:justification|rationale)(?:\s+(?:of|for)\s+(?:the\s+)?priority)?(?:\s+de\s+la\s+priorite)?\s*(?:\([^)]*\))?\s*:\s*/,
  response:
    /^(?:management\s+response|reponse\s+de\s+la\s+direction|reponse\s+de\s+la\s+gestion|reponse\s+de\s+la\s+direction)[^:]*:\s*/,
  keyActionsLabel: /^(?:key\s+actions?|actions?\s+cles?)\s*(?:\([^)]*\))?\s*:\s*/,
  recStatus:
    /^(?:implementation\s+(?:monitoring\s+)?status|statut(?:\s+de\s+(?:la\s+)?mise\s+en\s+(?:oe|œ)uvre)?|status)\b[^:]*:\s*/,
  comments:
    /^(?:comments?\s+on\s+(?:the\s+)?implementation(?:\s+status)?|comments?|commentaires?(?:\s+sur[^:]*)?)\s*:\s*/,
  // evaluation header
  title:
    /^(?:evaluation\s+title(?:\s*\/\s*year)?|title\s+of\s+(?:the\s+)?evaluation|titre\s+de\s+l'evaluation|evaluation\s+title\s+and\s+year)\s*:\s*/,
  year: /^(?:year(?:\s+of\s+(?:the\s+)?evaluation)?|annee(?:\s+de\s+l'evaluation)?)\s*:\s*/,
  period: /^(?:(?:evaluation\s+)?period(?:\s+(?:covered|of\s+evaluation))?|periode(?:\s+couverte)?)\s*:\s*/,
  evaluators:
    /^(?:evaluator\(s\)|evaluateur\(s\)|evaluators?|evaluateurs?|evaluation\s+(?:was\s+)?(?:carried\s+out|conducted|undertaken|performed)\s+by|evaluation\s+(?:realisee|conduite|menee)\s+par)\s*:?\s*/,
  owner:
    /^(?:person\s+or\s+body\s+responsible\s+for[^:]*|matrix\s+owner|owner|responsable\s+de\s+la\s+matrice|personne\s+ou\s+organe\s+responsable[^:]*)\s*:\s*/,
  publishedOn:
    /^(?:date\s+of\s+(?:publication|the\s+management\s+response|management\s+response|the\s+report)|publication\s+date|published(?:\s+on)?|date\s+de\s+publication|date\s+de\s+la\s+reponse[^:]*|date)\s*:\s*/,
  overallComment:
    /^(?:overall\s+(?:management\s+)?comments?(?:\s+on\s+the\s+evaluation)?|general\s+comments?|commentaires?\s+genera(?:l|ux))\s*(?:\([^)]*\))?\s*:\s*/,
};

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
    if (status === 'no_longer_applicable') return 'discarded';
    if (status === 'initiated') return 'open';
    return 'open';
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

// ---------- line cleaning ----------

const BLOCK_TAG = /<\s*(?:br|\/p|\/li|li|\/div|p|div|ol|ul|\/ol|\/ul)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;

function cleanCell(cell: string): string {
  return squash(decodeEntities(cell.replace(ANY_TAG, '')));
}

function stripEmphasis(s: string): string {
  return s.replace(/^[*_]{1,3}(?=\S)([\s\S]*?\S)[*_]{1,3}$/, '$1').trim();
}

const isInstruction = (s: string) => INSTRUCTION.test(foldText(s));

/** A value with its template instructions removed: "(Time 2) Complete this field…" → "". */
function dropInstruction(s: string): string {
  const v = stripEmphasis(s);
  return isInstruction(v) ? '' : v;
}

interface Line {
  no: number;
  cells: string[];
  /** Cells joined by a space: the line as prose. */
  text: string;
  hasTabs: boolean;
}

/** Splits pasted text into cleaned lines, turning leaked list markup into line breaks. */
function toLines(input: string): Line[] {
  const raw = input
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ');
  const out: Line[] = [];
  raw.split('\n').forEach((rawLine, i) => {
    const isList = /<\s*(?:ol|ul|li)\b/i.test(rawLine);
    const hasTabs = rawLine.replace(/[\t ]+$/, '').includes('\t');
    let pieces = hasTabs ? [rawLine.replace(BLOCK_TAG, ' ')] : rawLine.split(BLOCK_TAG);
    if (isList && !hasTabs) {
      // "<ol>1. First.2. Second" → one line per item
      pieces = pieces.flatMap((p) =>
        p.replace(/([.;:!?])\s*(\d{1,2})\.\s+(?=\p{Lu})/gu, '$1\n$2. ').split('\n'),
      );
    } else if (isList) {
      pieces = pieces.map((p) => p.replace(/([.;:!?])\s*(\d{1,2})\.\s+(?=\p{Lu})/gu, '$1 $2. '));
    }
    for (const piece of pieces) {
      const cells = piece.split('\t').map(cleanCell);
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      const text = cells.filter(Boolean).join(' ');
      out.push({ no: i + 1, cells, text, hasTabs: cells.length > 1 });
    }
  });
  return out;
}

// ---------- the parser ----------

interface ActionRow {
  line: number;
  numbers: string[];
  cols: Record<Column, string>;
}

interface RecDraft {
  rec: ImportedRecommendation;
  line: number;
  /** Recommendation-level "Responsible unit(s)" of the 2022 template, given to its actions. */
  responsibleUnits: string | null;
  rows: ActionRow[];
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
  | 'evalNote'
  | 'none';

export interface MatrixTextOptions {
  /** Name shown in warnings and used as a title when the text names none. */
  sourceName?: string;
}

export function importMatrixText(input: string, options: MatrixTextOptions = {}): ImportResult {
  if (input.trim() === '') throw new Invalid('The file is empty: there is no matrix to import.');
  const lines = toLines(input);
  const warnings: ImportWarning[] = [];
  const warn = (message: string, where: string) => warnings.push({ message, where });

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
  // Parser state, in an object so closures see its changes.
  const st: { cur: RecDraft | null; field: Field } = { cur: null, field: 'none' };
  let columns: Column[] = [...DEFAULT_COLUMNS];
  let lastHeaderLine = -1;
  const headerNotes: { line: number; text: string }[] = [];

  const append = (prev: string | null, more: string, sep = '\n') => (prev ? `${prev}${sep}${more}` : more);

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

  const newRow = (line: number, numbers: string[], cells: string[]): ActionRow => {
    const cols: Record<Column, string> = {
      text: '',
      timeframe: '',
      responsible: '',
      comments: '',
      status: '',
    };
    cells.forEach((c, i) => {
      const col = columns[i];
      if (col && c) cols[col] = append(cols[col] || null, c, ' ');
    });
    return { line, numbers, cols };
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

  const startRecommendation = (line: Line, number: string, rest: string) => {
    st.cur = {
      line: line.no,
      responsibleUnits: null,
      rows: [],
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
    drafts.push(st.cur);
    st.field = 'text';
    columns = [...DEFAULT_COLUMNS];
    if (rest) setRecField(st.cur, 'text', rest);
  };

  /** Handles one "label: value" cell; returns false when the cell carries no known label. */
  const labelled = (line: Line, cell: string): boolean => {
    const f = foldText(cell);
    const valueAfter = (re: RegExp) => {
      const mm = f.match(re);
      return mm ? cell.slice(mm[0].length).trim() : '';
    };
    const m = f.match(RE.recommendation);
    if (m) {
      if (/^evaluation\s+recommendation\s*#/.test(f)) votes2022++;
      startRecommendation(line, m[1], valueAfter(RE.recommendation));
      return true;
    }
    if (!st.cur) {
      const header: [RegExp, (v: string) => void][] = [
        [RE.title, (v) => readTitle(v)],
        [
          RE.year,
          (v) => {
            const y = v.match(/\b(19|20|21)\d{2}\b/);
            if (y) {
              evaluation.year = Number(y[0]);
              explicitYear = true;
            } else if (v) warn(`The year "${v}" is not a year`, `evaluation header (line ${line.no})`);
          },
        ],
        [
          RE.period,
          (v) => {
            evaluation.period = v || null;
          },
        ],
        [RE.evaluators, (v) => readEvaluators(v, line.no)],
        [
          RE.owner,
          (v) => {
            evaluation.owner = v || null;
          },
        ],
        [RE.publishedOn, (v) => readPublished(v, line.no)],
        [
          RE.overallComment,
          (v) => {
            evaluation.overallComment = v || null;
            st.field = 'evalOverall';
          },
        ],
      ];
      for (const [re, apply] of header) {
        if (re.test(f)) {
          st.field = 'none';
          apply(dropInstruction(valueAfter(re)));
          return true;
        }
      }
      return false;
    }
    const d: RecDraft = st.cur;
    if (RE.addressedTo.test(f)) {
      st.field = 'addressedTo';
      setRecField(d, st.field, valueAfter(RE.addressedTo));
      return true;
    }
    if (RE.priorityJustification.test(f)) {
      st.field = 'priorityJustification';
      setRecField(d, st.field, valueAfter(RE.priorityJustification));
      return true;
    }
    if (RE.priority.test(f)) {
      readPriority(d, dropInstruction(valueAfter(RE.priority)), line.no);
      st.field = 'priorityJustification';
      return true;
    }
    if (RE.response.test(f)) {
      if (/accept\s*\/\s*partially\s+accept\s*\/\s*reject/.test(f) && /-\s*accept/.test(f)) votes2022++;
      st.field = 'responseText';
      setRecField(d, st.field, valueAfter(RE.response));
      return true;
    }
    if (RE.keyActionsLabel.test(f)) {
      votes2022++;
      st.field = 'keyActions';
      const v = dropInstruction(valueAfter(RE.keyActionsLabel));
      if (v) addBulletAction(d, v, line.no);
      return true;
    }
    if (RE.recStatus.test(f)) {
      if (/discarded\s*\/\s*open\s*\/\s*completed/.test(f)) votes2022++;
      const v = dropInstruction(valueAfter(RE.recStatus));
      if (v) {
        const s = readStatus(v, '2022');
        if (s === 'open' || s === 'discarded' || s === 'completed') d.rec.status = s;
        else {
          warn(
            `The status "${v}" is not open, discarded or completed; it was kept as a comment`,
            `recommendation ${d.rec.number} (line ${line.no})`,
          );
          d.rec.comments = append(d.rec.comments, `Status as written: ${v}`);
        }
      }
      st.field = 'none';
      return true;
    }
    if (RE.comments.test(f)) {
      st.field = 'comments';
      setRecField(d, st.field, valueAfter(RE.comments));
      return true;
    }
    if (RE.responsibleUnits.test(f)) {
      votes2022++;
      st.field = 'responsibleUnits';
      setRecField(d, st.field, valueAfter(RE.responsibleUnits));
      return true;
    }
    return false;
  };

  const readTitle = (v: string) => {
    let title = v.replace(/[.;]+$/, '').trim();
    const paren = title.match(/\(([^()]*\b(?:19|20|21)\d{2}\b[^()]*)\)\s*$/);
    if (paren) {
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

  const readEvaluators = (v: string, lineNo: number) => {
    // "the research centre X specifically by A, B and C. The external evaluation aims to…"
    const split = v.match(/^([\s\S]*?\.)\s+(?=\p{Lu})([\s\S]+)$/u);
    const who = (split ? split[1] : v).replace(/\.$/, '').trim();
    evaluation.evaluators = append(evaluation.evaluators, who, '; ');
    if (split) {
      evaluation.notes.push(split[2].trim());
      warn(
        'Text after the evaluators was kept as a note on the evaluation',
        `evaluation header (line ${lineNo})`,
      );
    }
  };

  const readPublished = (v: string, lineNo: number) => {
    if (!v) return;
    const r = parseTimeframe(v, {});
    if (r.due && (r.due.from === r.due.to || r.due.from === null)) evaluation.publishedOn = r.due.to;
    else {
      evaluation.notes.push(`Date as written: ${v}`);
      warn(
        `The date "${v}" could not be read as one day; it was kept as a note`,
        `evaluation header (line ${lineNo})`,
      );
    }
  };

  const readPriority = (d: RecDraft, v: string, lineNo: number) => {
    if (!v) return;
    const f = foldText(v).trim();
    if (NONE_VALUE.test(f)) return;
    const m = f.match(/^(\d+|[a-z]+)\b\s*[-–:,.(]?\s*/);
    const word = m?.[1] ?? '';
    const p = /^\d+$/.test(word) ? Number(word) : PRIORITY_WORDS[word];
    if (p === 1 || p === 2 || p === 3) {
      d.rec.priority = p;
      const rest = v
        .slice(m![0].length)
        .replace(/\)\s*$/, '')
        .trim();
      if (rest) d.rec.priorityJustification = append(d.rec.priorityJustification, rest, ' ');
    } else {
      d.rec.priorityJustification = append(d.rec.priorityJustification, v, ' ');
      warn(
        `The priority "${v}" is not 1, 2 or 3; it was left empty and kept as its justification`,
        `recommendation ${d.rec.number}, priority (line ${lineNo})`,
      );
    }
  };

  const addBulletAction = (d: RecDraft, raw: string, lineNo: number) => {
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
      if (
        reading.kind === 'window' ||
        (reading.kind === 'none' && dateLike) ||
        reading.fundingConditional ||
        dateLike
      ) {
        text = paren[1].trim();
        timeframe = paren[2].trim();
      }
    } else {
      const dl = text.match(
        /^([\s\S]*?)\s*[-–—;,]?\s*(?:deadline|by|d'ici|échéance|delai)\s*:?\s*([^,;]+)$/i,
      );
      if (
        dl &&
        parseTimeframe(dl[2], { year: evaluation.year }).kind === 'window' &&
        /deadline|échéance|delai/i.test(dl[0])
      ) {
        text = dl[1].trim();
        timeframe = dl[2].trim();
      }
    }
    const numbers = nums?.numbers ?? [
      `${d.rec.number}.${d.rows.reduce((n, r) => n + r.numbers.length, 0) + 1}`,
    ];
    d.rows.push({
      line: lineNo,
      numbers,
      cols: { text, timeframe, responsible: '', comments: '', status: '' },
    });
  };

  const isTableHeader = (line: Line): boolean => {
    const folded = line.cells.map((c) => foldText(c));
    if (!TABLE_HEADER_CELL.text.test(folded[0] ?? '') || RE.keyActionsLabel.test(folded[0])) return false;
    return (
      folded
        .slice(1)
        .some((c) => TABLE_HEADER_CELL.timeframe.test(c) || TABLE_HEADER_CELL.responsible.test(c)) ||
      folded[0] === 'key actions'
    );
  };

  const readHeader = (line: Line, merge: boolean) => {
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

  for (const line of lines) {
    if (line.cells.length === 0 || line.text === '') continue;
    if (/^[-=_|+\s]+$/.test(line.text)) continue; // table rules such as "-----\t--\t---"
    const folded = foldText(line.text);
    if (HEADINGS.test(folded)) continue;

    // Table mode: the classic key-action table.
    if (
      st.cur &&
      (isTableHeader(line) ||
        (st.field === 'table' && line.no === lastHeaderLine + 1 && line.cells[0] === ''))
    ) {
      const subheader = st.field === 'table' && line.cells[0] === '';
      if (subheader && !line.cells.some((c) => /comment|status|statut|action\s+taken/.test(foldText(c)))) {
        // not a sub-header after all: fall through as a row
      } else {
        readHeader(line, subheader);
        st.field = 'table';
        lastHeaderLine = line.no;
        continue;
      }
    }

    // Labelled cells, possibly several on one tab-separated line.
    const firstCell = line.cells.find((c) => c !== '') ?? '';
    const startsWithLabel = labelled(line, firstCell);
    if (startsWithLabel) {
      for (const c of line.cells.slice(line.cells.indexOf(firstCell) + 1)) {
        if (!c) continue;
        if (!labelled(line, c)) {
          if (st.cur && st.field !== 'none' && st.field !== 'table' && st.field !== 'keyActions')
            setRecField(st.cur, st.field, c);
          else if (st.cur) {
            st.cur.rec.notes.push(c);
            warn(
              `Text "${short(c)}" could not be placed; it was kept as a note on the recommendation`,
              `recommendation ${st.cur.rec.number} (line ${line.no})`,
            );
          }
        }
      }
      continue;
    }

    if (!st.cur) {
      if (st.field === 'evalOverall') {
        evaluation.overallComment = append(evaluation.overallComment, line.text);
      } else if (!isInstruction(line.text)) {
        headerNotes.push({ line: line.no, text: line.text });
      }
      continue;
    }
    const d: RecDraft = st.cur;

    if (st.field === 'table') {
      const first = line.cells[0] ?? '';
      const nums = readNumbers(first);
      if (nums) {
        const cells = [nums.rest, ...line.cells.slice(1)].map(dropInstruction);
        d.rows.push(newRow(line.no, nums.numbers, cells));
      } else {
        const cells = line.cells.map(dropInstruction);
        if (cells.every((c) => c === '')) continue;
        const last = d.rows[d.rows.length - 1];
        if (last) {
          // A row broken over several lines (page breaks, wrapped cells): continue its cells.
          cells.forEach((c, i) => {
            const col = columns[i];
            if (col && c) last.cols[col] = append(last.cols[col] || null, c, ' ');
          });
        } else {
          const number = `${d.rec.number}.1`;
          d.rows.push(newRow(line.no, [number], cells));
          warn(
            `A key action had no number; it was numbered ${number}`,
            `recommendation ${d.rec.number} (line ${line.no})`,
          );
        }
      }
      continue;
    }

    if (st.field === 'keyActions') {
      const isBullet = BULLET.test(line.text) || ACTION_NUMBER.test(line.text);
      const last = d.rows[d.rows.length - 1];
      if (!isBullet && last && !isInstruction(line.text)) {
        last.cols.text = append(last.cols.text, line.text, ' ');
      } else addBulletAction(d, line.text, line.no);
      continue;
    }

    if (st.field !== 'none') {
      setRecField(d, st.field, line.text);
      continue;
    }
    if (isInstruction(line.text)) continue;
    d.rec.notes.push(line.text);
    warn(
      `Text "${short(line.text)}" could not be placed; it was kept as a note on the recommendation`,
      `recommendation ${d.rec.number} (line ${line.no})`,
    );
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
    warn('The matrix names no evaluation title; please give one', 'evaluation header');
  }
  for (const n of headerNotes) {
    evaluation.notes.push(n.text);
    warn(
      `Text "${short(n.text)}" could not be placed; it was kept as a note on the evaluation`,
      `evaluation header (line ${n.line})`,
    );
  }

  const seen = new Set<string>();
  for (const d of drafts) {
    const r = d.rec;
    const where = `recommendation ${r.number}`;
    if (seen.has(r.number)) warn(`Recommendation ${r.number} appears twice`, `${where} (line ${d.line})`);
    seen.add(r.number);
    if (!r.text) warn('The recommendation has no text', `${where} (line ${d.line})`);
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
        `${where}, management response (line ${d.line})`,
      );
    }
    r.text = stripEmphasis(r.text);
    r.actions = d.rows.flatMap((row) => toActions(row, d, template, evaluation.year, warn));
  }
  evaluation.recommendations = drafts.map((d) => d.rec);
  return { evaluation, warnings };
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** One table row → one action per number; "8.1 Design … 8.2 Plan …" written in one cell → two. */
function toActions(
  row: ActionRow,
  d: RecDraft,
  template: StatusTemplate,
  year: number | null,
  warn: (message: string, where: string) => void,
): ImportedAction[] {
  const texts = splitRunTogether(row.numbers, row.cols.text, d.rec.number);
  const timeframe = stripEmphasis(row.cols.timeframe) || null;
  const reading = parseTimeframe(timeframe, { year });
  const statusText = stripEmphasis(row.cols.status);
  let status: ActionStatus | null = null;
  let comments = stripEmphasis(row.cols.comments) || null;
  if (statusText) {
    status = readStatus(statusText, template);
    if (!status) {
      comments = comments
        ? `${comments}\nStatus as written: ${statusText}`
        : `Status as written: ${statusText}`;
    }
  }
  const numbers = texts.map((t) => t.number);
  const where = `recommendation ${d.rec.number}, action ${numbers.join(' and ')}`;
  if (statusText && !status) {
    warn(
      `The status "${statusText}" is not one of the template's statuses; it was kept in the comments`,
      `${where} (line ${row.line})`,
    );
  }
  if (reading.kind === 'unreadable') {
    warn(
      `The timeframe "${timeframe}" gives no due window: ${reading.problem}`,
      `${where}, timeframe (line ${row.line})`,
    );
  }
  if (numbers.length > 1 && texts.some((t) => t.split)) {
    warn(
      `Actions ${numbers.join(' and ')} were written in one row; they share its timeframe, responsible unit(s) and status`,
      `${where} (line ${row.line})`,
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
