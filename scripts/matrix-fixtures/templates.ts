/**
 * The layouts offices use for a management response matrix, as functions from a matrix's content
 * to a layout description (build.ts): IOM's classic template (one table per recommendation, the
 * whole matrix in one table, or labelled paragraphs with a key-action table) and the 2022
 * template ("(Time 0)"/"(Time 2)" labels; one row per key action, or one block per
 * recommendation). The words of each label come from the matrix's module, so that they vary
 * from file to file as they do between offices.
 */
import type { ActionStatus } from '../../src/modules/actions/model.js';
import type { Block, Cell, Layout, Para, Row, Run, TableBlock } from './build.js';
import type { ActionSpec, MatrixSpec, RecSpec } from './spec.js';

// ---------- small helpers ----------

export const p = (...runs: Run[]): Para => ({ runs });
export const b = (text: string): Run => ({ text, bold: true });
/** A bold label run before a value, or nothing for an empty label. */
const lab = (text: string): Run[] => (text.trim() ? [b(`${text} `)] : []);
const B = (text: string): Para => ({ runs: [b(text)] });

/** Paragraphs of a text with "\n" between paragraphs. */
const paras = (text: string, first: Run[] = [], last: Run[] = []): Para[] => {
  const lines = text.split('\n');
  return lines.map((line, i) => ({
    runs: [...(i === 0 ? first : []), ...(line ? [line] : []), ...(i === lines.length - 1 ? last : [])],
  }));
};

/** A header cell's text: "\n" is a line break in one paragraph, or separate paragraphs. */
const headerParas = (text: string, twoLine: 'break' | 'paragraphs'): Para[] =>
  twoLine === 'break' ? [{ runs: [b(text)] }] : text.split('\n').map((t) => B(t));

const cell = (ps: Para[], extra: Partial<Cell> = {}): Cell => ({ paras: ps, ...extra });

/** The action sentence as written: number, text, and (inline) its timeframe and unit. */
function actionParas(a: ActionSpec, showNumber: boolean, number: string): Para[] {
  let tail = '';
  if (a.inline) {
    const tf = a.timeframe ?? '';
    const unit = a.responsible ?? '';
    if (a.inline === 'brackets') tail = ` (${[tf, unit].filter(Boolean).join(', ')})`;
    else if (a.inline === 'comma') tail = `${tf ? `, ${tf}` : ''}${unit ? ` – ${unit}` : ''}`;
    else tail = `${tf ? ` – ${tf}` : ''}${unit ? ` – ${unit}` : ''}`;
  }
  return paras(a.text, showNumber ? [`${number} `] : [], tail ? [tail] : []);
}

export interface Furniture {
  header?: Para[];
  footer?: Para[];
}

/** "Page 3 of 7" and its siblings. */
export const pageOf = (page: string, of: string, align: Para['align'] = 'right'): Para => ({
  runs: [`${page} `, { field: 'PAGE' }, ` ${of} `, { field: 'NUMPAGES' }],
  align,
});
export const pageAlone = (align: Para['align'] = 'center'): Para => ({ runs: [{ field: 'PAGE' }], align });

// ---------- the document header ----------

export interface HeaderWords {
  docTitle: string;
  titleYear: string;
  period?: string;
  evaluators: string;
  owner: string;
  overallComment: string;
  date: string;
}

export interface HeaderValues {
  /** The title/year value as written ("Final evaluation of … / 2023"). */
  titleYear: string;
  period?: string;
  evaluators?: string;
  owner?: string;
  overallComment?: string;
  /** The date of the management response as written. */
  date?: string;
  /** The order of the fields, as offices shuffle them. */
  order?: ('titleYear' | 'period' | 'evaluators' | 'owner' | 'overallComment' | 'date')[];
}

function headerBlocks(w: HeaderWords, v: HeaderValues, style: 'paragraphs' | 'table'): Block[] {
  const order = v.order ?? ['titleYear', 'period', 'evaluators', 'owner', 'overallComment', 'date'];
  const fields: [string, string][] = [];
  for (const key of order) {
    const value = v[key];
    const label = w[key];
    if (value && label) fields.push([label, value]);
  }
  const out: Block[] = [{ runs: [{ text: w.docTitle, bold: true, size: 14 }], align: 'center', after: 8 }];
  if (style === 'paragraphs') {
    for (const [label, value] of fields) {
      const [first, ...rest] = value.split('\n');
      out.push({ runs: [b(`${label} `), first], after: rest.length ? 0 : 4 });
      rest.forEach((r, i) => {
        out.push({ runs: [r], after: i === rest.length - 1 ? 4 : 0 });
      });
    }
  } else {
    out.push({
      kind: 'table',
      widths: [3, 7],
      rows: fields.map(([label, value]) => ({
        cells: [cell([B(label)], { shade: 'D9E2F3' }), cell(paras(value))],
      })),
    });
  }
  out.push({ kind: 'space' });
  return out;
}

// ---------- classic template ----------

export interface ClassicWords extends HeaderWords {
  rec: (n: string | undefined) => string;
  addressedTo: string;
  priority: string;
  response: string;
  action: string;
  timeframe: string;
  responsible: string;
  monitoring: string;
  comments: string;
  status: string;
  statuses: Partial<Record<ActionStatus, string>>;
}

export interface ClassicOptions {
  words: ClassicWords;
  header: HeaderValues;
  headerStyle: 'paragraphs' | 'table';
  /**
   * one-table: the whole matrix is one table; table-per-rec: the template's table per
   * recommendation; paragraphs: labelled paragraphs, then a key-action table per recommendation.
   */
  container: 'one-table' | 'table-per-rec' | 'paragraphs';
  /** "Recommendation to" and "Priority level" in two cells of one row, or one under the other. */
  sideBySide: 'two-cells' | 'four-cells' | 'stacked';
  /** "Implementation monitoring" merged over "Comments | Status" on a second header row, or one row. */
  monitoring: 'merged' | 'flat';
  /** Header rows repeated on each page (paragraphs container, or one-table with headers on top). */
  repeatHeader: boolean;
  /** one-table: the column headings once on top of the table instead of once per recommendation. */
  headingsOnTop?: boolean;
  twoLine: 'break' | 'paragraphs';
  actionNumbers: boolean;
  /** Leave out the timeframe and unit columns (everything written in the action sentence). */
  noTimeframeColumns?: boolean;
  furniture: Furniture;
  font: string;
  size: number;
  margin?: number;
  author: string;
  /** Relative widths of action | timeframe | unit | comments | status. */
  widths?: number[];
}

const statusWord = (
  words: { statuses: Partial<Record<string, string>> },
  a: { status?: string; statusWritten?: string },
) => a.statusWritten ?? (a.status ? (words.statuses[a.status] ?? '') : '');

export function classicLayout(m: MatrixSpec, o: ClassicOptions): Layout {
  const w = o.words;
  const cols = o.noTimeframeColumns ? 3 : 5;
  const widths = o.widths ?? (o.noTimeframeColumns ? [9, 5, 2] : [8, 2.6, 3, 4.4, 2]);
  const blocks: Block[] = headerBlocks(w, o.header, o.headerStyle);

  const headingRows = (): Row[] => {
    const h = (t: string) => cell(headerParas(t, o.twoLine), { shade: 'BDD6EE' });
    const first = o.noTimeframeColumns ? [w.action] : [w.action, w.timeframe, w.responsible];
    if (o.monitoring === 'flat') {
      return [{ cells: [...first, w.comments, w.status].map(h), header: o.repeatHeader }];
    }
    return [
      {
        cells: [
          ...first.map((t) => ({ ...h(t), vmerge: 'restart' as const })),
          { ...h(w.monitoring), span: 2 },
        ],
        header: o.repeatHeader,
      },
      {
        cells: [
          ...first.map(() => cell([], { vmerge: 'continue', shade: 'BDD6EE' })),
          h(w.comments),
          h(w.status),
        ],
        header: o.repeatHeader,
      },
    ];
  };

  const actionRows = (r: RecSpec, i: number): Row[] =>
    r.actions.map((a, k) => {
      const number = a.number ?? `${r.number ?? i + 1}.${k + 1}`;
      const show = o.actionNumbers && a.number !== undefined;
      const inCells = !a.inline;
      const cells: Cell[] = [cell(actionParas(a, show, number))];
      if (!o.noTimeframeColumns) {
        cells.push(cell(inCells && a.timeframe ? paras(a.timeframe) : []));
        cells.push(cell(inCells && a.responsible ? paras(a.responsible) : []));
      }
      cells.push(
        cell(a.comments ? paras(a.comments) : a.instructions ? paras(INSTRUCTION_CLASSIC[m.language]) : []),
      );
      const st = statusWord(w, a);
      cells.push(cell(st ? paras(st) : []));
      return { cells };
    });

  const priorityText = (r: RecSpec) =>
    [r.priorityWritten ?? (r.priority ? String(r.priority) : ''), r.priorityJustification ?? '']
      .filter(Boolean)
      .join('\n');

  /** The rows naming the recommendation, its addressee, priority and response (table containers). */
  const recRows = (r: RecSpec): Row[] => {
    const rows: Row[] = [
      { cells: [cell(paras(r.text, lab(w.rec(r.number))), { span: cols, shade: 'E7E6E6' })] },
    ];
    const to = paras(r.addressedTo ?? '', lab(w.addressedTo));
    const prio = paras(priorityText(r), lab(w.priority));
    if (o.sideBySide === 'two-cells') {
      rows.push({ cells: [cell(to, { span: cols - 2 }), cell(prio, { span: 2 })] });
    } else if (o.sideBySide === 'four-cells') {
      rows.push({
        cells: [
          cell([B(w.addressedTo)]),
          cell(paras(r.addressedTo ?? ''), { span: cols - 3 }),
          cell([B(w.priority)]),
          cell(paras(priorityText(r))),
        ],
      });
    } else {
      rows.push({ cells: [cell(to, { span: cols })] }, { cells: [cell(prio, { span: cols })] });
    }
    rows.push({ cells: [cell(paras(r.responseText ?? '', lab(w.response)), { span: cols })] });
    return rows;
  };

  if (o.container === 'one-table') {
    const rows: Row[] = o.headingsOnTop ? headingRows() : [];
    m.recommendations.forEach((r, i) => {
      rows.push(
        ...recRows(r),
        ...(o.headingsOnTop ? [] : headingRows().map((h) => ({ ...h, header: false }))),
      );
      rows.push(...actionRows(r, i));
    });
    blocks.push({ kind: 'table', widths: widths.slice(0, cols), rows });
  } else if (o.container === 'table-per-rec') {
    m.recommendations.forEach((r, i) => {
      const rows = [
        ...recRows(r),
        ...headingRows().map((h) => ({ ...h, header: false })),
        ...actionRows(r, i),
      ];
      blocks.push({ kind: 'table', widths: widths.slice(0, cols), rows }, { kind: 'space' });
    });
  } else {
    m.recommendations.forEach((r, i) => {
      blocks.push(...paras(r.text, lab(w.rec(r.number))).map((q) => ({ ...q, after: 0 })));
      blocks.push({ kind: 'space' });
      if (o.sideBySide === 'stacked') {
        blocks.push(p(...lab(w.addressedTo), r.addressedTo ?? ''));
        blocks.push(...paras(priorityText(r), lab(w.priority)));
      } else {
        const table: TableBlock = {
          kind: 'table',
          widths: o.sideBySide === 'two-cells' ? [6, 4] : [2, 4, 2, 2],
          rows: [
            o.sideBySide === 'two-cells'
              ? {
                  cells: [
                    cell(paras(r.addressedTo ?? '', lab(w.addressedTo))),
                    cell(paras(priorityText(r), lab(w.priority))),
                  ],
                }
              : {
                  cells: [
                    cell([B(w.addressedTo)]),
                    cell(paras(r.addressedTo ?? '')),
                    cell([B(w.priority)]),
                    cell(paras(priorityText(r))),
                  ],
                },
          ],
        };
        blocks.push(table);
      }
      blocks.push(...paras(r.responseText ?? '', lab(w.response)), { kind: 'space' });
      blocks.push(
        { kind: 'table', widths: widths.slice(0, cols), rows: [...headingRows(), ...actionRows(r, i)] },
        { kind: 'space' },
      );
    });
  }
  return {
    font: o.font,
    size: o.size,
    orientation: 'landscape',
    margin: o.margin ?? 2,
    header: o.furniture.header,
    footer: o.furniture.footer,
    blocks,
    author: o.author,
    date: m.publishedOn ?? `${m.year}-06-30`,
    title: w.docTitle,
  };
}

export const INSTRUCTION_CLASSIC = {
  en: 'To be completed when following up on implementation.',
  fr: 'À compléter lors du suivi de la mise en œuvre.',
  es: 'A completar durante el seguimiento de la implementación.',
} as const;

// ---------- 2022 template ----------

export interface Words2022 extends HeaderWords {
  rec: (n: string | undefined) => string;
  /** The recommendation column's heading (row layout). */
  recHeading: string;
  response: string;
  /** The options as the template writes them in the response cell, for striking out. */
  options: [string, string, string];
  optionSep: string;
  keyActions: string;
  responsible: string;
  timeframe: string;
  status: string;
  comments: string;
  priority?: string;
  addressedTo?: string;
  statuses: Partial<Record<string, string>>;
  /** The instruction the template leaves in the "(Time 2)" cells. */
  instruction: string;
}

export interface Options2022 {
  words: Words2022;
  header: HeaderValues;
  headerStyle: 'paragraphs' | 'table';
  /** rows: one table, one row per key action, recommendation and response merged down; blocks: a block per recommendation. */
  form: 'rows' | 'blocks';
  /** blocks: all recommendations in one table, or one table each. */
  oneTable?: boolean;
  /** How the response was given: the other options struck out, or deleted. */
  responseMode: 'strike' | 'delete';
  /** Where the "(Time 2)" status and comments are: per recommendation or per key action. */
  statusLevel: 'recommendation' | 'action';
  repeatHeader: boolean;
  twoLine: 'break' | 'paragraphs';
  actionNumbers: boolean;
  /** What the empty "(Time 2)" cells hold: the template's instruction, or nothing. */
  time2Empty: 'instruction' | 'blank';
  furniture: Furniture;
  font: string;
  size: number;
  margin?: number;
  author: string;
  widths?: number[];
}

/** The response cell: the chosen option kept, the others struck out (or deleted), then the explanation. */
function responseParas(r: RecSpec, w: Words2022, mode: 'strike' | 'delete'): Para[] {
  const text = r.responseText ?? '';
  if (mode === 'delete' || r.response === null) return paras(text);
  const chosen = { accepted: 0, partially_accepted: 1, rejected: 2 }[r.response];
  if (!text.startsWith(w.options[chosen]))
    throw new Error(`response of ${r.number ?? r.text.slice(0, 30)} must start with "${w.options[chosen]}"`);
  const rest = text.slice(w.options[chosen].length);
  const runs: Run[] = [];
  w.options.forEach((opt, i) => {
    if (i > 0) runs.push({ text: w.optionSep, strike: true });
    runs.push(i === chosen ? opt : { text: opt, strike: true });
  });
  // Merge neighbouring struck runs, as Word would keep them.
  const merged: Run[] = [];
  for (const run of runs) {
    const prev = merged[merged.length - 1];
    if (typeof run !== 'string' && typeof prev === 'object' && prev && 'strike' in prev && 'strike' in run)
      merged[merged.length - 1] = { ...prev, text: prev.text + (run as { text: string }).text };
    else merged.push(run);
  }
  const [firstRest, ...more] = rest.split('\n');
  return [{ runs: [...merged, ...(firstRest ? [firstRest] : [])] }, ...more.map((t) => p(t))];
}

export function layout2022(m: MatrixSpec, o: Options2022): Layout {
  const w = o.words;
  const blocks: Block[] = headerBlocks(w, o.header, o.headerStyle);
  const h = (t: string) => cell(headerParas(t, o.twoLine), { shade: 'C5E0B3' });
  const instruction = () =>
    paras(w.instruction).map((q) => ({
      ...q,
      runs: q.runs.map((r) => (typeof r === 'string' ? { text: r, italic: true, color: '7F7F7F' } : r)),
    }));
  const empty = () => (o.time2Empty === 'instruction' ? instruction() : []);
  const statusCell = (x: { status?: string; statusWritten?: string }) => {
    const st = statusWord(w, x);
    return cell(st ? paras(st) : empty());
  };
  const commentsCell = (x: { comments?: string }) => cell(x.comments ? paras(x.comments) : empty());
  const actionNumberOf = (r: RecSpec, i: number, a: ActionSpec, k: number) =>
    a.number ?? `${r.number ?? i + 1}.${k + 1}`;
  const show = (a: ActionSpec) => o.actionNumbers && a.number !== undefined;

  if (o.form === 'rows') {
    const perAction = o.statusLevel === 'action';
    const widths = o.widths ?? [5, 3.2, 5, 2.4, 2, 2, 3];
    const rows: Row[] = [
      {
        cells: [w.recHeading, w.response, w.keyActions, w.responsible, w.timeframe, w.status, w.comments].map(
          h,
        ),
        header: o.repeatHeader,
      },
    ];
    m.recommendations.forEach((r, i) => {
      r.actions.forEach((a, k) => {
        const first = k === 0;
        const merge =
          r.actions.length > 1 ? { vmerge: first ? ('restart' as const) : ('continue' as const) } : {};
        const recCell = first ? cell(paras(r.text, lab(w.rec(r.number))), merge) : cell([], merge);
        const respCell = first ? cell(responseParas(r, w, o.responseMode), merge) : cell([], merge);
        const cells: Cell[] = [
          recCell,
          respCell,
          cell(actionParas(a, show(a), actionNumberOf(r, i, a, k))),
          cell(!a.inline && a.responsible ? paras(a.responsible) : []),
          cell(!a.inline && a.timeframe ? paras(a.timeframe) : []),
        ];
        if (perAction) cells.push(statusCell(a), commentsCell(a));
        else if (first) cells.push({ ...statusCell(r), ...merge }, { ...commentsCell(r), ...merge });
        else cells.push(cell([], merge), cell([], merge));
        rows.push({ cells });
      });
    });
    blocks.push({ kind: 'table', widths, rows });
  } else {
    // A block per recommendation: labels on the left, then the key actions' own small table.
    const widths = o.widths ?? [4, 6, 3, 2.5, 2.5, 3.5];
    const n = widths.length;
    const all: Row[] = [];
    const perAction = o.statusLevel === 'action';
    m.recommendations.forEach((r, i) => {
      const rows: Row[] = [];
      rows.push({
        cells: [cell([B(w.rec(r.number))], { shade: 'C5E0B3' }), cell(paras(r.text), { span: n - 1 })],
      });
      if (w.addressedTo && r.addressedTo)
        rows.push({ cells: [cell([B(w.addressedTo)]), cell(paras(r.addressedTo), { span: n - 1 })] });
      if (w.priority)
        rows.push({
          cells: [
            cell([B(w.priority)]),
            cell(
              paras(
                [r.priorityWritten ?? (r.priority ? String(r.priority) : ''), r.priorityJustification ?? '']
                  .filter(Boolean)
                  .join('\n'),
              ),
              { span: n - 1 },
            ),
          ],
        });
      rows.push({
        cells: [cell([B(w.response)]), cell(responseParas(r, w, o.responseMode), { span: n - 1 })],
      });
      const heads = perAction
        ? [w.keyActions, w.responsible, w.timeframe, w.status, w.comments]
        : [w.keyActions, w.responsible, w.timeframe];
      const spans = perAction ? [2, 1, 1, 1, 1] : [2, 2, 2];
      rows.push({ cells: heads.map((t, j) => ({ ...h(t), span: spans[j] })) });
      r.actions.forEach((a, k) => {
        const cells: Cell[] = [
          cell(actionParas(a, show(a), actionNumberOf(r, i, a, k)), { span: spans[0] }),
          cell(!a.inline && a.responsible ? paras(a.responsible) : [], { span: spans[1] }),
          cell(!a.inline && a.timeframe ? paras(a.timeframe) : [], { span: spans[2] }),
        ];
        if (perAction) cells.push(statusCell(a), commentsCell(a));
        rows.push({ cells });
      });
      if (!perAction) {
        rows.push({ cells: [cell([B(w.status)]), { ...statusCell(r), span: n - 1 }] });
        rows.push({ cells: [cell([B(w.comments)]), { ...commentsCell(r), span: n - 1 }] });
      }
      if (o.oneTable) all.push(...rows);
      else blocks.push({ kind: 'table', widths, rows }, { kind: 'space' });
    });
    if (o.oneTable) blocks.push({ kind: 'table', widths, rows: all });
  }
  return {
    font: o.font,
    size: o.size,
    orientation: 'landscape',
    margin: o.margin ?? 1.8,
    header: o.furniture.header,
    footer: o.furniture.footer,
    blocks,
    author: o.author,
    date: m.publishedOn ?? `${m.year}-06-30`,
    title: w.docTitle,
  };
}
