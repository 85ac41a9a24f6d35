/**
 * Phase 6 of reading a matrix: a recommendation's key-action rows become its actions. A row
 * gives one action per number (and per "8.1 … 8.2 …" run together in its text); its timeframe
 * is read into a due window (`parseTimeframe`: the evaluation's year fills in a missing one,
 * marked inferred) and its status into the template's vocabulary. What cannot be read stays as
 * written — the timeframe without a due window, the status in the comments — with a warning.
 */
import { mentionsFundingCondition, parseTimeframe } from '../../../lib/parseTimeframe.js';
import { type ActionStatus, saysNoActionNeeded } from '../../actions/model.js';
import type { ImportedAction, ImportWarning, StatusTemplate } from '../model.js';
import { type InlineDetails, readInlineDetails } from './matrixInlineDetails.js';
import { type ActionRow, splitRunTogether } from './matrixKeyActions.js';
import { append, stripEmphasis } from './matrixValues.js';
import { readStatus } from './matrixWords.js';

/** The recommendation the rows belong to. */
export interface RowsOwner {
  /** Its number: "5". */
  number: string;
  /** Its position in the evaluation, for warnings' paths. */
  index: number;
  /** Its "Responsible unit(s)" (2022 template): the responsible of actions whose row names none. */
  responsibleUnits: string | null;
  rows: ActionRow[];
}

/** The actions of a recommendation's rows, in order, with warnings about them. */
export function actionsFromRows(
  owner: RowsOwner,
  template: StatusTemplate,
  year: number | null,
): { actions: ImportedAction[]; warnings: ImportWarning[] } {
  const warnings: ImportWarning[] = [];
  const actions: ImportedAction[] = [];
  for (const row of owner.rows) {
    for (const action of rowActions(row, owner, template, year, actions.length, warnings))
      actions.push(action);
  }
  return { actions, warnings };
}

/** One row → one action per number; `offset` is the position of its first action. */
function rowActions(
  row: ActionRow,
  owner: RowsOwner,
  template: StatusTemplate,
  year: number | null,
  offset: number,
  warnings: ImportWarning[],
): ImportedAction[] {
  const inline = detailsInText(row, year);
  const texts = splitRunTogether(row.numbers, inline?.text ?? row.cols.text, owner.number);
  const timeframe = stripEmphasis(row.cols.timeframe) || inline?.timeframe || null;
  const responsible = stripEmphasis(row.cols.responsible) || inline?.responsible || owner.responsibleUnits;
  const reading = parseTimeframe(timeframe, { year });
  const statusText = stripEmphasis(row.cols.status);
  let status: ActionStatus | null = null;
  let comments = stripEmphasis(row.cols.comments) || null;
  if (statusText) {
    status = readStatus(statusText, template);
    if (!status) comments = append(comments, `Status as written: ${statusText}`);
  }
  const numbers = texts.map((t) => t.number);
  const where = `recommendation ${owner.number}, action ${numbers.join(' and ')}`;
  const path = (field: string) => `recommendations.${owner.index}.actions.${offset}.${field}`;
  if (statusText && !status) {
    warnings.push({
      code: 'actionStatusUnknown',
      params: { status: statusText },
      message: `The status "${statusText}" is not one of the template's statuses; it was kept in the comments`,
      where: `${where} (${row.where})`,
      path: path('status'),
    });
  }
  if (reading.kind === 'unreadable') {
    warnings.push({
      code: `timeframe.${reading.problemCode ?? 'unread'}`,
      params: { timeframe: timeframe ?? '' },
      message: `The timeframe "${timeframe}" gives no due window: ${reading.problem}`,
      where: `${where}, timeframe (${row.where})`,
      path: path('timeframe'),
    });
  }
  if (inline) {
    const took = [inline.timeframe && 'timeframe', inline.responsible && 'responsible unit'].filter(Boolean);
    warnings.push({
      code:
        inline.timeframe && inline.responsible
          ? 'inlineBoth'
          : inline.timeframe
            ? 'inlineTimeframe'
            : 'inlineResponsible',
      message: `The ${took.join(' and the ')} ${took.length > 1 ? 'were' : 'was'} read from the end of the action's text; check ${took.length > 1 ? 'them' : 'it'}`,
      where: `${where} (${row.where})`,
      path: path(inline.timeframe ? 'timeframe' : 'responsible'),
    });
  }
  if (numbers.length > 1 && texts.some((t) => t.split)) {
    warnings.push({
      code: 'actionsInOneRow',
      params: { numbers },
      message: `Actions ${new Intl.ListFormat('en').format(numbers)} were written in one row; they share its timeframe, responsible unit(s) and status`,
      where: `${where} (${row.where})`,
      path: path('text'),
    });
  }
  return texts.map((t) => ({
    number: t.number,
    text: stripEmphasis(t.text),
    timeframe,
    due: reading.due,
    responsible,
    // A condition on funding may be written in the timeframe, the action's text or its comments.
    fundingConditional:
      reading.fundingConditional ||
      mentionsFundingCondition(t.text) ||
      (comments !== null && mentionsFundingCondition(comments)),
    noActionNeeded: saysNoActionNeeded(t.text),
    status,
    comments,
  }));
}

/** A timeframe or unit written at the end of the action's text, for the columns the row left empty. */
function detailsInText(row: ActionRow, year: number | null): InlineDetails | null {
  const hasTime = Boolean(row.cols.timeframe.trim());
  const hasUnit = Boolean(row.cols.responsible.trim());
  if ((hasTime && hasUnit) || !row.cols.text.trim()) return null;
  const found = readInlineDetails(row.cols.text, year);
  if (!found || (found.timeframe && hasTime) || (found.responsible && hasUnit)) return null;
  return found;
}
