/** HTTP edge of the action tracker: the cross-source list and its export, edits, progress updates. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOwned } from '../../db/owned.js';
import { type Column, csvStream, XLSX_TYPE, xlsxStream } from '../../lib/spreadsheet.js';
import type { AppContext } from '../../server/context.js';
import { registerRecordLifecycle } from '../audit/routes.js';
import { actionUnitsInputSchema, unitRefSchema } from '../units/model.js';
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

/** Columns of the action list export, one row per action. */
export const ACTION_LIST_COLUMNS: Column<ActionExportRow>[] = [
  { header: 'Evaluation', width: 30, value: (a) => a.evaluationTitle },
  { header: 'Practice', width: 30, value: (a) => a.practiceTitle },
  { header: 'Checklist item', width: 10, value: (a) => a.itemId },
  { header: 'Recommendation no.', width: 8, value: (a) => a.recommendationNumber },
  { header: 'Recommendation', width: 40, value: (a) => a.recommendationText },
  { header: 'Priority (1 to 3)', width: 8, value: (a) => a.priority },
  { header: 'Management response', width: 15, value: (a) => a.response },
  { header: 'Action no.', width: 8, value: (a) => a.number },
  { header: 'Key action', width: 50, value: (a) => a.text },
  { header: 'Timeframe or deadline', width: 20, value: (a) => a.timeframe },
  { header: 'Due from', width: 12, value: (a) => a.due?.from ?? null },
  { header: 'Due by', width: 12, value: (a) => a.due?.to ?? null },
  { header: 'Responsible unit(s)', width: 25, value: (a) => a.responsible },
  { header: 'Subject to funding', width: 8, value: (a) => a.fundingConditional },
  { header: 'Status', width: 15, value: (a) => a.status },
  { header: 'Overdue', width: 8, value: (a) => a.overdue },
  { header: 'Comments or action taken', width: 40, value: (a) => a.comments },
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
      (req) => listActions(ctx.db, req.caller.organisationId, req.query, ctx.today()),
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
          }),
        },
      },
      async (req, reply) => {
        const rows = streamActions(ctx.db, req.caller.organisationId, req.query, ctx.today());
        const name = `actions-${ctx.today()}`;
        if (req.query.format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(csvStream(ACTION_LIST_COLUMNS, rows));
        }
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(xlsxStream('Actions', ACTION_LIST_COLUMNS, rows, { styled: false }));
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
