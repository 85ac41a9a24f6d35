/**
 * Phase 4 of reading a matrix: one recommendation's block — its text, labelled fields
 * ("Recommendation to:", "Priority level (1 to 3):", "Management response …:", "Responsible
 * unit(s):", "Implementation status:", comments), each continued by the unlabelled lines that
 * follow it, and its key actions as rows (phase 5). Text that cannot be placed is kept as a note.
 * The management response is only read from its text once the block is complete (phase 7).
 */
import { foldText } from '../../../lib/text.js';
import type { ImportedRecommendation, ImportWarning, SourceLine } from '../model.js';
import { lineText, sourceLine } from './lines.js';
import { type BlockLine, type RecommendationBlock, tableOf } from './matrixBlocks.js';
import { readLines } from './matrixCleaning.js';
import {
  type ActionRow,
  type Column,
  DEFAULT_COLUMNS,
  readBullet,
  readBulletLine,
  readColumns,
  readTableLine,
} from './matrixKeyActions.js';
import { matchRecLabel, type RecKind } from './matrixLabels.js';
import { append, dropInstruction, isInstruction, short } from './matrixValues.js';
import { chosenInLabel, readPriority, readStatus } from './matrixWords.js';

/** A recommendation as read from its block, before its rows become actions. */
export interface RecommendationDraft {
  /** Its fields as written (no actions yet, response not read yet). */
  rec: ImportedRecommendation;
  /** Its position in the evaluation, for warnings' paths. */
  index: number;
  /** Where its heading is. */
  where: string;
  /** The 2022 template's recommendation-level "Responsible unit(s)", given to its actions. */
  responsibleUnits: string | null;
  rows: ActionRow[];
  /** Its lines as text, for the review screen. */
  source: string;
  /** Its lines as read, for review beside the original. */
  sourceLines: SourceLine[];
  /** How many signs of the 2022 template it shows ("#" numbering, "Responsible unit(s)", bulleted key actions…). */
  votes2022: number;
  /** Warnings about its fields, in reading order. */
  warnings: ImportWarning[];
}

/** Where later lines go: the field they continue, the key actions (table or bullets), or nowhere. */
type Field =
  | 'text'
  | 'addressedTo'
  | 'priorityJustification'
  | 'responseText'
  | 'comments'
  | 'responsibleUnits'
  | 'keyActions'
  | 'table'
  | 'none';

/** Fields that unlabelled text continues. */
const CONTINUED: readonly Field[] = [
  'text',
  'addressedTo',
  'priorityJustification',
  'responseText',
  'comments',
  'responsibleUnits',
];

/**
 * Reads a recommendation's block; `index` is its position in the evaluation, `year` the
 * evaluation's (it completes deadlines written without one).
 */
export function readRecommendation(
  block: RecommendationBlock,
  index: number,
  year: number | null,
): RecommendationDraft {
  const rec: ImportedRecommendation = {
    number: block.number,
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
  };
  const d: RecommendationDraft = {
    rec,
    index,
    where: block.heading.line.where,
    responsibleUnits: null,
    rows: [],
    source: [block.heading, ...block.lines].map((l) => lineText(l.line)).join('\n'),
    sourceLines: readLines([block.heading, ...block.lines]).map(sourceLine),
    votes2022: block.hashNumbered ? 1 : 0,
    warnings: [],
  };
  let field: Field = 'text';
  let columns: Column[] = [...DEFAULT_COLUMNS];
  // A header carried from the top of the table: its rows are key actions wherever they come.
  const carried = block.carried;
  if (carried) {
    columns = readColumns(carried.header, null);
    if (carried.subheader) columns = readColumns(carried.subheader, columns);
  }
  /** A row of the carried header's table, with several cells: a key action, whatever field was open. */
  const isCarriedRow = (l: BlockLine) =>
    carried !== null && tableOf(l.line) === carried.table && l.filled.length >= 2;

  const path = (name: string) => `recommendations.${index}.${name}`;
  const warn = (
    code: ImportWarning['code'],
    params: Record<string, string | number>,
    message: string,
    where: string,
    fieldPath: string,
  ) => d.warnings.push({ code, params, message, where, path: fieldPath });

  const setField = (f: Field, value: string) => {
    const v = dropInstruction(value);
    if (!v) return;
    if (f === 'text') rec.text = append(rec.text || null, v);
    else if (f === 'addressedTo') rec.addressedTo = append(rec.addressedTo, v, ' ');
    else if (f === 'priorityJustification')
      rec.priorityJustification = append(rec.priorityJustification, v, ' ');
    else if (f === 'responseText') rec.responseText = append(rec.responseText, v);
    else if (f === 'comments') rec.comments = append(rec.comments, v);
    else if (f === 'responsibleUnits') d.responsibleUnits = append(d.responsibleUnits, v, ' ');
  };

  const keepAsNote = (text: string, where: string) => {
    rec.notes.push(text);
    warn(
      'unplacedRecommendation',
      { text: short(text) },
      `Text "${short(text)}" could not be placed; it was kept as a note on the recommendation`,
      `recommendation ${rec.number} (${where})`,
      path('notes'),
    );
  };

  const readPriorityValue = (v: string, where: string) => {
    const p = readPriority(v);
    if (p.level === 'none') return;
    if (p.level !== null) {
      rec.priority = p.level;
      if (p.rest) rec.priorityJustification = append(rec.priorityJustification, p.rest, ' ');
      return;
    }
    rec.priorityJustification = append(rec.priorityJustification, v, ' ');
    warn(
      'priorityUnread',
      { priority: v },
      `The priority "${v}" is not 1, 2 or 3; it was left empty and kept as its justification`,
      `recommendation ${rec.number}, priority (${where})`,
      path('priority'),
    );
  };

  /** Applies one "label: value"; for the open-ended fields later lines continue the value. */
  const apply = (kind: RecKind, value: string, l: BlockLine, labelText: string) => {
    const where = l.line.where;
    const v = dropInstruction(value);
    switch (kind) {
      case 'addressedTo':
      case 'priorityJustification':
      case 'comments':
      case 'responsibleUnits':
        if (kind === 'responsibleUnits') d.votes2022++;
        field = kind;
        setField(kind, v);
        return;
      case 'priority':
        if (v) readPriorityValue(v, where);
        field = 'priorityJustification';
        return;
      case 'response': {
        // The 2022 template's label: "Management response - Accept/Partially accept/Reject:".
        // (Struck or not: striking options out is how this template is answered.)
        const labelLine = foldText(lineText(l.line)).replace(/[\uE000\uE001]/g, '');
        if (
          /accept\s*\/\s*partially\s+accept\s*\/\s*reject/.test(labelLine) &&
          /-\s*accept/.test(labelLine)
        ) {
          d.votes2022++;
        }
        // Options struck out or deleted in the label leave the answer: "Management response - reject:".
        rec.response ??= chosenInLabel(labelText);
        field = 'responseText';
        setField('responseText', v);
        return;
      }
      case 'keyActions':
        d.votes2022++;
        field = 'keyActions';
        for (const item of v.split('\n')) if (item.trim()) readBullet(d.rows, item, where, rec.number, year);
        return;
      case 'recStatus': {
        if (/discarded\s*\/\s*open\s*\/\s*completed/.test(foldText(lineText(l.line)))) d.votes2022++;
        field = 'none';
        if (!v) return;
        const s = readStatus(v, '2022');
        if (s === 'open' || s === 'discarded' || s === 'completed') rec.status = s;
        else {
          warn(
            'recommendationStatusUnknown',
            { status: v },
            `The status "${v}" is not open, discarded or completed; it was kept as a comment`,
            `recommendation ${rec.number} (${where})`,
            path('status'),
          );
          rec.comments = append(rec.comments, `Status as written: ${v}`);
        }
        return;
      }
    }
  };

  /** Labelled cells, possibly several on one line; a label alone in its cell takes the next cell. */
  const readLabels = (l: BlockLine) => {
    const { filled } = l;
    for (let i = 0; i < filled.length; i++) {
      const found = matchRecLabel(filled[i]);
      if (found) {
        let value = found.value;
        const labelText = filled[i].slice(0, filled[i].length - value.length);
        if (!value && i + 1 < filled.length && !matchRecLabel(filled[i + 1])) value = filled[++i];
        apply(found.kind, value, l, labelText);
      } else if (CONTINUED.includes(field)) setField(field, filled[i]);
      else if (field === 'keyActions') readBullet(d.rows, filled[i], l.line.where, rec.number, year);
      else if (!isInstruction(filled[i])) keepAsNote(filled[i], l.line.where);
    }
  };

  /** An unlabelled line: a table row, a bullet, the current field continued, or a note. */
  const readText = (l: BlockLine) => {
    const where = l.line.where;
    if (field === 'table') {
      // A table row is an action; the second paragraph of its only cell continues it.
      const row = l.line.table !== undefined && l.paragraph === 0;
      const numbered = readTableLine(d.rows, columns, l.cells, where, rec.number, row);
      if (numbered) {
        warn(
          'actionNumbered',
          { number: numbered },
          `A key action had no number; it was numbered ${numbered}`,
          `recommendation ${rec.number} (${where})`,
          `${path('actions')}.0.number`,
        );
      }
    } else if (field === 'keyActions') readBulletLine(d.rows, l.text, where, rec.number, year);
    else if (field !== 'none') setField(field, l.text);
    else if (!isInstruction(l.text)) keepAsNote(l.text, where);
  };

  for (const t of block.text) setField('text', t);
  // The 2022 template marks its fields "(Time 0) Management response", "(Time 2) Comments…"
  // (a marker before instructions, "(Time 1) Complete this field…", is no such sign).
  if (block.lines.some((l) => l.line.cells.some(markedField))) d.votes2022++;
  for (const l of block.lines) {
    for (const t of l.struckOut) {
      warn(
        'struckThrough',
        { text: short(t) },
        `Struck-through text "${short(t)}" was left out, as the document deletes it`,
        `recommendation ${rec.number} (${l.line.where})`,
        path(fieldPath(field as Field)),
      );
    }
    if (l.role === 'tableHeader' || l.role === 'tableSubheader') {
      columns = readColumns(l.line.cells, l.role === 'tableSubheader' ? columns : null);
      field = 'table';
    } else if (l.role === 'labels') readLabels(l);
    else {
      if (field !== 'table' && isCarriedRow(l)) field = 'table';
      readText(l);
    }
  }
  return d;
}

/** The evaluation's field a reading field fills, for a warning's path. */
function fieldPath(field: Field): string {
  if (field === 'table' || field === 'keyActions') return 'actions';
  if (field === 'none' || field === 'responsibleUnits') return 'text';
  return field;
}

const TIME_MARKER = /^\s*\((?:time|temps|tiempo|tempo)\s*\d{1,2}\)\s*/i;
const FIELD_WORDS =
  /^(?:key\s+actions?|actions?\s+cles?|acciones\s+clave|responsib|unite|unidad|timeframe|delai|plazo|calendrier|implementation|mise\s+en|suivi|seguimiento|estado|statut|status|comment|commentaire|comentario)/;

/** A cell that is a field of the 2022 template, marked with the time it is filled at. */
function markedField(cell: string): boolean {
  const m = cell.match(TIME_MARKER);
  if (!m) return false;
  const rest = cell.slice(m[0].length);
  return matchRecLabel(rest) !== null || FIELD_WORDS.test(foldText(rest));
}
