/** HTTP edge of the good-practice library (its frameworks' routes are in frameworks/routes.ts). */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertOwned } from '../../db/owned.js';
import { type Column, csvStream, XLSX_TYPE, xlsxStream } from '../../lib/spreadsheet.js';
import { fileNameOf } from '../../lib/text.js';
import type { Caller } from '../../server/caller.js';
import type { AppContext } from '../../server/context.js';
import { registerRecordLifecycle } from '../audit/routes.js';
import { frameworkRoutes } from '../frameworks/routes.js';
import { practicePolicies, visibleStatuses } from './policies.js';

/** Visitors see published practices only, whatever status they ask for. */
const forCaller = <Q extends { status: CatalogueQuery['status'] }>(caller: Caller, q: Q): Q =>
  visibleStatuses(caller) ? { ...q, status: 'published' } : q;

import { Invalid, NotFound } from '../../server/errors.js';
import { actionWithHistorySchema, newActionSchema } from '../actions/model.js';
import { checkImportSize, decodeTextFile } from '../evaluations/import/importMatrixFile.js';
import { isFrameworkVisible } from '../frameworks/service.js';
import { practiceSheetDocx, practiceSheetPdf } from './export/practiceSheet.js';
import { importPracticePages } from './import/importPracticePages.js';
import {
  assessmentInputSchema,
  type CatalogueItem,
  type CatalogueQuery,
  catalogueQuerySchema,
  catalogueSchema,
  checklistHeatmapSchema,
  deletedPracticeSchema,
  practiceComparisonSchema,
  practiceImportReplySchema,
  practicePageSchema,
  practicePatchSchema,
  workflowSchema,
} from './model.js';
import { practices } from './schema.js';
import {
  checklistHeatmap,
  comparePractices,
  createImprovementAction,
  createPractices,
  deletePractice,
  getPracticePage,
  listDeletedPractices,
  moveWorkflow,
  practiceFromImport,
  restorePractice,
  searchCatalogue,
  streamCatalogue,
  updateAssessment,
  updatePractice,
} from './service.js';

const idParams = z.object({ id: z.string().uuid('not a valid id') });

/** `{ "<key>": [ …rows ] }` written row by row. */
async function* jsonObjectStream(key: string, rows: AsyncIterable<unknown>): AsyncGenerator<string> {
  yield `{${JSON.stringify(key)}:[`;
  let first = true;
  for await (const row of rows) {
    yield (first ? '' : ',') + JSON.stringify(row);
    first = false;
  }
  yield ']}';
}

const CATALOGUE_COLUMNS: Column<CatalogueItem>[] = [
  { header: 'Title', width: 40, value: (p) => p.title },
  { header: 'Summary', width: 60, value: (p) => p.summary },
  { header: 'Country', width: 15, value: (p) => p.country },
  { header: 'City/region', width: 20, value: (p) => p.region },
  { header: 'Target groups', width: 30, value: (p) => p.targetGroups.join('; ') },
  { header: 'Areas of integration', width: 30, value: (p) => p.areas.join('; ') },
  { header: 'Criteria fully met', width: 20, value: (p) => p.fullyMetCriteria.join('; ') },
  { header: 'Status', width: 12, value: (p) => p.status },
  { header: 'Updated', width: 20, value: (p) => p.updatedAt },
];

export function practiceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['practices'];

    /** An assessment names a framework the caller sees: another organisation's is not known. */
    const frameworkVisible = async (caller: Caller, assessment: unknown, path: string) => {
      const key = (assessment as { framework?: unknown } | null | undefined)?.framework;
      if (typeof key === 'string' && !(await isFrameworkVisible(ctx.db, caller, key))) {
        throw new Invalid(`The framework ${key} is not known.`, [
          { path: `${path}.framework`, message: 'unknown framework or version' },
        ]);
      }
    };

    // The frameworks practices are assessed against (frameworks/routes.ts).
    await app.register(frameworkRoutes(ctx));

    app.get(
      '/practices',
      {
        config: { policy: practicePolicies.read },
        schema: {
          tags,
          summary: 'The catalogue: full-text search, facets, sorting, pagination',
          querystring: catalogueQuerySchema,
          response: { 200: catalogueSchema },
        },
      },
      (req) => searchCatalogue(ctx.db, req.caller.organisationId, forCaller(req.caller, req.query)),
    );

    app.get(
      '/practices/export',
      {
        config: { policy: practicePolicies.read },
        schema: {
          tags,
          summary: 'The catalogue (filtered) as .csv, .xlsx or JSON',
          querystring: catalogueQuerySchema
            .omit({ page: true, pageSize: true })
            .extend({ format: z.enum(['csv', 'xlsx', 'json']) }),
        },
      },
      async (req, reply) => {
        // Every match, streamed in keyset batches: an export never stops short.
        const items = streamCatalogue(ctx.db, req.caller.organisationId, forCaller(req.caller, req.query));
        const name = 'practices';
        if (req.query.format === 'json') {
          return reply
            .header('content-type', 'application/json; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.json"`)
            .send(Readable.from(jsonObjectStream('practices', items)));
        }
        if (req.query.format === 'csv') {
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(csvStream(CATALOGUE_COLUMNS, items));
        }
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(xlsxStream('Practices', CATALOGUE_COLUMNS, items));
      },
    );

    app.post(
      '/practices/import',
      {
        config: { policy: practicePolicies.edit },
        schema: {
          tags,
          summary: 'Read practice pages (text); with dryRun=true only read them, for the review screen',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
          body: z.object({ text: z.string() }),
          response: { 200: practiceImportReplySchema },
        },
      },
      async (req) => {
        checkImportSize(Buffer.byteLength(req.body.text));
        const read = importPracticePages(req.body.text);
        const practices = read.practices.map(practiceFromImport);
        if (req.query.dryRun === 'true') return { practices, warnings: read.warnings };
        return { ids: await createPractices(ctx.db, req.caller, practices), warnings: read.warnings };
      },
    );

    app.post(
      '/practices/import/file',
      {
        config: { policy: practicePolicies.edit },
        schema: {
          tags,
          summary:
            'Read practice pages from an uploaded .txt file (multipart field "file"), for the review screen',
          consumes: ['multipart/form-data'],
          response: { 200: practiceImportReplySchema },
        },
      },
      async (req) => {
        const file = await req.file();
        if (!file) throw new Invalid('No file was uploaded: send it in the multipart field "file".');
        const buf = await file.toBuffer();
        checkImportSize(buf.length);
        const read = importPracticePages(decodeTextFile(buf, file.filename));
        return { practices: read.practices.map(practiceFromImport), warnings: read.warnings };
      },
    );

    app.post(
      '/practices',
      {
        config: { policy: practicePolicies.edit },
        schema: {
          tags,
          summary: 'Save practices as confirmed on the review screen (all or none), as drafts',
          body: z.object({ practices: z.array(z.unknown()).min(1).max(500) }),
          response: { 201: z.object({ ids: z.array(z.string()) }) },
        },
      },
      async (req, reply) => {
        for (const [i, p] of req.body.practices.entries()) {
          await frameworkVisible(
            req.caller,
            (p as { assessment?: unknown } | null)?.assessment,
            `practices.${i}.assessment`,
          );
        }
        return reply.status(201).send({ ids: await createPractices(ctx.db, req.caller, req.body.practices) });
      },
    );

    app.get(
      '/practices/compare',
      {
        config: { policy: practicePolicies.read },
        schema: {
          tags,
          summary: 'Two to four practices side by side',
          querystring: z.object({ ids: z.string().max(200) }),
          response: { 200: practiceComparisonSchema },
        },
      },
      (req) =>
        comparePractices(
          ctx.db,
          req.caller.organisationId,
          req.query.ids
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          visibleStatuses(req.caller),
        ),
    );

    app.get(
      '/practices/heatmap',
      {
        config: { policy: practicePolicies.read },
        schema: {
          tags,
          summary: 'Checklist items × practices: which items are most often not met',
          querystring: z.object({
            framework: z.string().default('spring@1'),
            status: catalogueQuerySchema.shape.status,
            sample: z.coerce.number().int().min(1).max(100).default(30),
          }),
          response: { 200: checklistHeatmapSchema },
        },
      },
      async (req) => {
        // Another organisation's framework answers like one that does not exist.
        if (!(await isFrameworkVisible(ctx.db, req.caller, req.query.framework)))
          throw new NotFound('framework');
        return checklistHeatmap(
          ctx.db,
          req.caller.organisationId,
          req.query.framework,
          forCaller(req.caller, req.query).status,
          req.query.sample,
        );
      },
    );

    app.get(
      '/practices/:id',
      {
        config: { policy: practicePolicies.read },
        schema: {
          tags,
          summary: 'One practice as its page',
          params: idParams,
          response: { 200: practicePageSchema },
        },
      },
      (req) => getPracticePage(ctx.db, req.caller.organisationId, req.params.id, visibleStatuses(req.caller)),
    );

    app.get(
      '/practices/deleted',
      {
        config: { policy: practicePolicies.readAll },
        schema: {
          tags,
          summary: 'Deleted practices, to restore one',
          response: { 200: z.array(deletedPracticeSchema) },
        },
      },
      (req) => listDeletedPractices(ctx.db, req.caller.organisationId),
    );

    registerRecordLifecycle(app, ctx, {
      path: '/practices',
      noun: 'practice',
      tags,
      edit: practicePolicies.edit,
      read: practicePolicies.readAll,
      remove: (caller, id, reason) => deletePractice(ctx.db, caller, id, reason),
      restore: (caller, id, reason) => restorePractice(ctx.db, caller, id, reason),
      reread: (caller, id) => getPracticePage(ctx.db, caller.organisationId, id),
      record: practicePageSchema,
      assertOwned: (organisationId, id) => assertOwned(ctx.db, practices, organisationId, id, 'practice'),
    });

    app.patch(
      '/practices/:id',
      {
        config: { policy: practicePolicies.edit },
        schema: {
          tags,
          summary: 'Edit a practice’s description',
          params: idParams,
          body: practicePatchSchema,
          response: { 200: practicePageSchema },
        },
      },
      async (req) => {
        await updatePractice(ctx.db, req.caller, req.params.id, req.body);
        return getPracticePage(ctx.db, req.caller.organisationId, req.params.id);
      },
    );

    app.put(
      '/practices/:id/assessment',
      {
        config: { policy: practicePolicies.edit },
        schema: {
          tags,
          summary: 'Replace a practice’s assessment',
          params: idParams,
          body: assessmentInputSchema,
          response: { 200: practicePageSchema },
        },
      },
      async (req) => {
        await frameworkVisible(req.caller, req.body, 'assessment');
        await updateAssessment(ctx.db, req.caller, req.params.id, req.body);
        return getPracticePage(ctx.db, req.caller.organisationId, req.params.id);
      },
    );

    app.post(
      '/practices/:id/workflow',
      {
        config: { policy: practicePolicies.workflow },
        schema: {
          tags,
          summary: 'Submit for review, publish, or return to draft with a comment',
          params: idParams,
          body: workflowSchema,
          response: { 200: practicePageSchema },
        },
      },
      async (req) => {
        await moveWorkflow(ctx.db, req.caller, req.params.id, req.body.to, req.body.comment);
        return getPracticePage(ctx.db, req.caller.organisationId, req.params.id);
      },
    );

    app.post(
      '/practices/:id/items/:itemId/actions',
      {
        config: { policy: practicePolicies.edit },
        schema: {
          tags,
          summary: 'Create an improvement action from a checklist item',
          params: idParams.extend({ itemId: z.string().max(40) }),
          body: newActionSchema,
          response: { 201: actionWithHistorySchema },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await createImprovementAction(
              ctx.db,
              req.caller,
              req.params.id,
              req.params.itemId,
              req.body,
              ctx.today(),
            ),
          ),
    );

    app.get(
      '/practices/:id/export',
      {
        config: { policy: practicePolicies.read },
        schema: {
          tags,
          summary: 'A practice sheet as .docx or PDF',
          params: idParams,
          querystring: z.object({ format: z.enum(['docx', 'pdf']) }),
        },
      },
      async (req, reply) => {
        const page = await getPracticePage(
          ctx.db,
          req.caller.organisationId,
          req.params.id,
          visibleStatuses(req.caller),
        );
        const base = fileNameOf(page.title, 'practice');
        if (req.query.format === 'pdf') {
          return reply
            .header('content-type', 'application/pdf')
            .header('content-disposition', `attachment; filename="${base}.pdf"`)
            .send(await practiceSheetPdf(page));
        }
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename="${base}.docx"`)
          .send(await practiceSheetDocx(page));
      },
    );
  };
}
