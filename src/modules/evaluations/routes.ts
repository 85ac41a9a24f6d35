/** HTTP edge of the evaluation follow-up: import, list, read, edit and export matrices. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOwned } from '../../db/owned.js';
import { csvStream, XLSX_TYPE, xlsxStream } from '../../lib/spreadsheet.js';
import { fileNameOf } from '../../lib/text.js';
import { READER_LANGUAGES, wordsFor } from '../../lib/words.js';
import type { AppContext } from '../../server/context.js';
import { Invalid } from '../../server/errors.js';
import { actionWithHistorySchema, newActionSchema } from '../actions/model.js';
import { addActionToRecommendation } from '../actions/service.js';
import { registerRecordLifecycle } from '../audit/routes.js';
import { exportMatrixDocx } from './export/exportMatrixDocx.js';
import { exportMatrixJson } from './export/exportMatrixJson.js';
import { matrixColumns, matrixRows } from './export/rows.js';
import { importMatrixFile, importMatrixPaste } from './import/importMatrixFile.js';
import {
  evaluationPatchSchema,
  evaluationSummarySchema,
  importResultSchema,
  matrixSchema,
  recommendationPatchSchema,
} from './model.js';
import { evaluationPolicies } from './policies.js';
import { evaluations } from './schema.js';
import {
  deleteEvaluation,
  getMatrix,
  listEvaluations,
  restoreEvaluation,
  saveEvaluation,
  updateEvaluation,
  updateRecommendation,
} from './service.js';
import { proposeUnitLinks } from './unitLinks.js';

const idParams = z.object({ id: z.string().uuid('not a valid id') });
const dryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') });
const savedImport = z.object({ id: z.string(), warnings: importResultSchema.shape.warnings });
const importReply = z.union([importResultSchema, savedImport]);

export const EXPORT_FORMATS = ['docx', 'xlsx', 'csv', 'json'] as const;

export function evaluationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['evaluations'];

    app.get(
      '/evaluations',
      {
        config: { policy: evaluationPolicies.read },
        schema: {
          tags,
          summary: 'Evaluations with their progress, newest first',
          querystring: z.object({
            q: z.string().max(200).optional(),
            deleted: z
              .enum(['true', 'false'])
              .default('false')
              .transform((v) => v === 'true'),
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(200).default(25),
          }),
          response: {
            200: z.object({
              items: z.array(evaluationSummarySchema),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
          },
        },
      },
      (req) => listEvaluations(ctx.db, req.caller.organisationId, req.query, ctx.today()),
    );

    app.post(
      '/evaluations/import',
      {
        config: { policy: evaluationPolicies.edit },
        schema: {
          tags,
          summary: 'Import a matrix from pasted text; with dryRun=true only read it and report warnings',
          querystring: dryRunQuery,
          body: z.object({ text: z.string(), name: z.string().max(300).optional() }),
          response: { 200: importReply },
        },
      },
      async (req) => {
        const read = importMatrixPaste(req.body.text, { sourceName: req.body.name });
        // Units named exactly are linked; the review screen shows the rest to confirm.
        const result = await proposeUnitLinks(ctx.db, req.caller.organisationId, read);
        if (req.query.dryRun === 'true') return result;
        const { id } = await saveEvaluation(ctx.db, req.caller, result.evaluation, req.body.name ?? null);
        return { id, warnings: result.warnings };
      },
    );

    app.post(
      '/evaluations/import/file',
      {
        config: { policy: evaluationPolicies.edit },
        schema: {
          tags,
          summary: 'Import a matrix from an uploaded file (multipart field "file")',
          consumes: ['multipart/form-data'],
          querystring: dryRunQuery,
          response: { 200: importReply },
        },
      },
      async (req) => {
        const file = await req.file();
        if (!file) throw new Invalid('No file was uploaded: send it in the multipart field "file".');
        const buf = await file.toBuffer();
        const result = await proposeUnitLinks(
          ctx.db,
          req.caller.organisationId,
          await importMatrixFile(buf, file.filename),
        );
        if (req.query.dryRun === 'true') return result;
        const { id } = await saveEvaluation(ctx.db, req.caller, result.evaluation, file.filename);
        return { id, warnings: result.warnings };
      },
    );

    app.post(
      '/evaluations',
      {
        config: { policy: evaluationPolicies.edit },
        schema: {
          tags,
          summary: 'Save an evaluation as confirmed on the review screen (the import shape)',
          body: z.object({ evaluation: z.unknown(), sourceName: z.string().max(300).nullable().optional() }),
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) => {
        const saved = await saveEvaluation(
          ctx.db,
          req.caller,
          req.body.evaluation,
          req.body.sourceName ?? null,
        );
        return reply.status(201).send(saved);
      },
    );

    app.get(
      '/evaluations/:id',
      {
        config: { policy: evaluationPolicies.read },
        schema: {
          tags,
          summary: 'One evaluation as its matrix',
          params: idParams,
          response: { 200: matrixSchema },
        },
      },
      (req) => getMatrix(ctx.db, req.caller.organisationId, req.params.id, ctx.today()),
    );

    app.patch(
      '/evaluations/:id',
      {
        config: { policy: evaluationPolicies.edit },
        schema: {
          tags,
          summary: 'Edit an evaluation',
          params: idParams,
          body: evaluationPatchSchema,
          response: { 200: matrixSchema },
        },
      },
      async (req) => {
        await updateEvaluation(ctx.db, req.caller, req.params.id, req.body);
        return getMatrix(ctx.db, req.caller.organisationId, req.params.id, ctx.today());
      },
    );

    registerRecordLifecycle(app, ctx, {
      path: '/evaluations',
      noun: 'evaluation',
      tags,
      edit: evaluationPolicies.edit,
      read: evaluationPolicies.read,
      remove: (caller, id, reason) => deleteEvaluation(ctx.db, caller, id, reason),
      restore: (caller, id, reason) => restoreEvaluation(ctx.db, caller, id, reason),
      reread: (caller, id) => getMatrix(ctx.db, caller.organisationId, id, ctx.today()),
      record: matrixSchema,
      assertOwned: (organisationId, id) => assertOwned(ctx.db, evaluations, organisationId, id, 'evaluation'),
    });

    app.get(
      '/evaluations/:id/export',
      {
        config: { policy: evaluationPolicies.read },
        schema: {
          tags,
          summary: 'Download the matrix as .docx (classic layout), .xlsx, .csv or JSON',
          description:
            '`lang` says the spreadsheets (headers, statuses, responses, dates) in that language; code columns stay as they are. The .docx keeps the English template, which import reads back.',
          params: idParams,
          querystring: z.object({
            format: z.enum(EXPORT_FORMATS),
            lang: z.enum(READER_LANGUAGES).optional(),
          }),
        },
      },
      async (req, reply) => {
        const matrix = await getMatrix(ctx.db, req.caller.organisationId, req.params.id, ctx.today());
        const base = fileNameOf(matrix.title, 'matrix');
        const words = wordsFor(req.query.lang);
        const download = (ext: string, type: string) =>
          reply
            .header('content-type', type)
            .header('content-disposition', `attachment; filename="${base}.${ext}"`);
        switch (req.query.format) {
          case 'json':
            return download('json', 'application/json; charset=utf-8').send(
              JSON.stringify(exportMatrixJson(matrix), null, 2),
            );
          case 'docx':
            return download(
              'docx',
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            ).send(await exportMatrixDocx(matrix));
          case 'csv':
            return download('csv', 'text/csv; charset=utf-8').send(
              csvStream(matrixColumns(words), matrixRows(matrix, words)),
            );
          case 'xlsx':
            return download('xlsx', XLSX_TYPE).send(
              xlsxStream(words.t('export.sheet.matrix'), matrixColumns(words), matrixRows(matrix, words)),
            );
        }
      },
    );

    app.patch(
      '/recommendations/:id',
      {
        config: { policy: evaluationPolicies.edit },
        schema: {
          tags,
          summary: 'Edit a recommendation and its management response',
          params: idParams,
          body: recommendationPatchSchema,
          response: { 200: matrixSchema },
        },
      },
      async (req) => {
        const { evaluationId } = await updateRecommendation(ctx.db, req.caller, req.params.id, req.body);
        return getMatrix(ctx.db, req.caller.organisationId, evaluationId, ctx.today());
      },
    );

    app.post(
      '/recommendations/:id/actions',
      {
        config: { policy: evaluationPolicies.edit },
        schema: {
          tags,
          summary: 'Add a key action to a recommendation',
          params: idParams,
          body: newActionSchema,
          response: { 201: actionWithHistorySchema },
        },
      },
      async (req, reply) => {
        const action = await addActionToRecommendation(
          ctx.db,
          req.caller,
          req.params.id,
          req.body,
          ctx.today(),
        );
        return reply.status(201).send(action);
      },
    );
  };
}
