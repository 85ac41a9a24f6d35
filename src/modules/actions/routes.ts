/** HTTP edge of the action tracker: the cross-source list and its export, edits, progress updates. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOwned } from '../../db/owned.js';
import { type Column, csvStream, XLSX_TYPE, xlsxStream } from '../../lib/spreadsheet.js';
import { READER_LANGUAGES, type Words, wordsFor } from '../../lib/words.js';
import type { Caller } from '../../server/caller.js';
import type { AppContext } from '../../server/context.js';
import { registerRecordLifecycle } from '../audit/routes.js';
import { actionUnitsInputSchema, unitRefSchema } from '../units/model.js';
import { unitsOfPerson } from '../units/service.js';
import {
  actionListQuerySchema,
  actionListSchema,
  actionPatchSchema,
  actionWithHistorySchema,
  progressUpdateInputSchema,
} from './model.js';
import { actionPolicies } from './policies.js';
import { actions } from './schema.js';
import {
  type ActionExportRow,
  addProgressUpdate,
  deleteAction,
  getAction,
  listActions,
  restoreAction,
  streamActions,
  updateAction,
} from './service.js';
import { setActionUnits } from './units.js';

const idParams = z.object({ id: z.string().uuid('not a valid id') });

/** The list's filters, with "mine" read as the units the signed-in person answers for. */
async function withMine<Q extends { mine?: 'true' | 'false' }>(
  ctx: AppContext,
  req: { query: Q; caller: Caller },
): Promise<Q & { mineUnitIds?: string[] }> {
  const { query, caller } = req;
  if (query.mine !== 'true') return query;
  const mineUnitIds = caller.user
    ? await unitsOfPerson(ctx.db, caller.organisationId, caller.user.id, caller.unitId ?? null)
    : [];
  return { ...query, mineUnitIds };
}

/** Columns of the action list export, one row per action, headed and said in the reader's language. */
export const actionListColumns = (w: Words = wordsFor('en')): Column<ActionExportRow>[] => [
  { header: w.header('evaluation'), width: 30, value: (a) => a.evaluationTitle },
  { header: w.header('practice'), width: 30, value: (a) => a.practiceTitle },
  { header: w.header('checklistItem'), width: 10, value: (a) => a.itemId },
  { header: w.header('recommendationNumber'), width: 8, value: (a) => a.recommendationNumber },
  { header: w.header('recommendation'), width: 40, value: (a) => a.recommendationText },
  { header: w.header('priority'), width: 8, value: (a) => a.priority },
  { header: w.header('response'), width: 15, value: (a) => w.response(a.response) },
  { header: w.header('responseCode'), width: 12, value: (a) => a.response },
  { header: w.header('actionNumber'), width: 8, value: (a) => a.number },
  { header: w.header('action'), width: 50, value: (a) => a.text },
  { header: w.header('timeframe'), width: 20, value: (a) => a.timeframe },
  { header: w.header('dueFrom'), width: 12, value: (a) => a.due?.from ?? null },
  { header: w.header('dueTo'), width: 12, value: (a) => a.due?.to ?? null },
  { header: w.header('responsible'), width: 25, value: (a) => a.responsible },
  { header: w.header('fundingConditional'), width: 8, value: (a) => w.yesNo(a.fundingConditional) },
  { header: w.header('noActionNeeded'), width: 8, value: (a) => w.yesNo(a.noActionNeeded) },
  { header: w.header('status'), width: 15, value: (a) => w.status(a.status) },
  { header: w.header('statusCode'), width: 12, value: (a) => a.status },
  { header: w.header('overdue'), width: 8, value: (a) => w.yesNo(a.overdue) },
  { header: w.header('comments'), width: 40, value: (a) => a.comments },
];

export function actionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['actions'];

    app.get(
      '/actions',
      {
        config: { policy: actionPolicies.read },
        schema: {
          tags,
          summary:
            'All actions across evaluations, filtered by responsible unit, status, priority and due date',
          querystring: actionListQuerySchema,
          response: { 200: actionListSchema },
        },
      },
      async (req) => listActions(ctx.db, req.caller.organisationId, await withMine(ctx, req), ctx.today()),
    );

    app.get(
      '/actions/export',
      {
        config: { policy: actionPolicies.read },
        schema: {
          tags,
          summary: 'Download the filtered action list as .xlsx or .csv (streamed)',
          querystring: actionListQuerySchema.omit({ page: true, pageSize: true, sort: true }).extend({
            format: z.enum(['xlsx', 'csv']),
            /** The language of the headers and words; code columns stay as they are. */
            lang: z.enum(READER_LANGUAGES).optional(),
          }),
        },
      },
      async (req, reply) => {
        const rows = streamActions(ctx.db, req.caller.organisationId, await withMine(ctx, req), ctx.today());
        const name = `actions-${ctx.today()}`;
        const words = wordsFor(req.query.lang);
        if (req.query.format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(csvStream(actionListColumns(words), rows));
        }
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(
            xlsxStream(words.t('export.sheet.actions'), actionListColumns(words), rows, { styled: false }),
          );
      },
    );

    app.get(
      '/actions/:id',
      {
        config: { policy: actionPolicies.read },
        schema: {
          tags,
          summary: 'One action with its progress history',
          params: idParams,
          response: { 200: actionWithHistorySchema },
        },
      },
      (req) => getAction(ctx.db, req.caller.organisationId, req.params.id, ctx.today()),
    );

    registerRecordLifecycle(app, ctx, {
      path: '/actions',
      noun: 'action',
      tags,
      edit: actionPolicies.edit,
      read: actionPolicies.read,
      remove: (caller, id, reason) => deleteAction(ctx.db, caller, id, reason),
      restore: (caller, id, reason) => restoreAction(ctx.db, caller, id, reason),
      reread: (caller, id) => getAction(ctx.db, caller.organisationId, id, ctx.today()),
      record: actionWithHistorySchema,
      assertOwned: (organisationId, id) => assertOwned(ctx.db, actions, organisationId, id, 'action'),
    });

    app.patch(
      '/actions/:id',
      {
        config: { policy: actionPolicies.edit },
        schema: {
          tags,
          summary: 'Edit an action (text, timeframe, due window, responsible units…)',
          params: idParams,
          body: actionPatchSchema,
          response: { 200: actionWithHistorySchema },
        },
      },
      (req) => updateAction(ctx.db, req.caller, req.params.id, req.body, ctx.today()),
    );

    app.put(
      '/actions/:id/units',
      {
        config: { policy: actionPolicies.edit },
        schema: {
          tags,
          summary:
            'Link an action to these responsible units (replacing its links); "responsible" stays as written',
          params: idParams,
          body: actionUnitsInputSchema,
          response: { 200: z.object({ units: z.array(unitRefSchema) }) },
        },
      },
      async (req) => ({
        units: await setActionUnits(ctx.db, req.caller, req.params.id, req.body.unitIds, req.body.reason),
      }),
    );

    app.post(
      '/actions/:id/updates',
      {
        config: { policy: actionPolicies.progress },
        schema: {
          tags,
          summary: 'Record progress on an action: date, author, comment and status change, kept as history',
          params: idParams,
          body: progressUpdateInputSchema,
          response: { 201: actionWithHistorySchema },
        },
      },
      async (req, reply) => {
        const action = await addProgressUpdate(ctx.db, req.caller, req.params.id, req.body, ctx.today());
        return reply.status(201).send(action);
      },
    );
  };
}
