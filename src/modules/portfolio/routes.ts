/** HTTP edge of the portfolio: the dashboard's figures, recommendations that come back. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileNameOf } from '../../lib/text.js';
import { wordsFor } from '../../lib/words.js';
import type { AppContext } from '../../server/context.js';
import { noContent } from '../../server/replies.js';
import { getOrganisation } from '../accounts/organisation.js';
import { evaluationPolicies } from '../evaluations/policies.js';
import { linkPractice, practicesForRecommendation, recommendationsOfPractice } from './inspiration.js';
import {
  dashboardSchema,
  inspiredRecommendationSchema,
  portfolioQuerySchema,
  practiceSuggestionSchema,
  recurringThemeSchema,
  reportQuerySchema,
  similarRecommendationSchema,
} from './model.js';
import { portfolioPolicies } from './policies.js';
import { managementReport } from './report.js';
import { reportDocx, reportPdf, reportXlsx } from './reportFiles.js';
import { dashboard } from './service.js';
import { similarRecommendations } from './similar.js';
import { recurringThemes } from './themes.js';

const idParams = z.object({ id: z.string().uuid('not a valid id') });
const linkParams = z.object({
  id: z.string().uuid('not a valid id'),
  practiceId: z.string().uuid('not a valid id'),
});

export function portfolioRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/portfolio',
      {
        config: { policy: portfolioPolicies.read },
        schema: {
          tags: ['portfolio'],
          summary:
            'Implementation figures overall and by unit, year, priority and response, with the ageing of overdue actions',
          querystring: portfolioQuerySchema,
          response: { 200: dashboardSchema },
        },
      },
      (req) => dashboard(ctx.db, req.caller.organisationId, req.query, ctx.today()),
    );

    app.get(
      '/portfolio/report',
      {
        config: { policy: portfolioPolicies.read },
        schema: {
          tags: ['portfolio'],
          summary:
            'The report for management as .docx, .xlsx or PDF: a summary, the tables and the overdue actions by unit, for a period, in a language',
          querystring: reportQuerySchema,
        },
      },
      async (req, reply) => {
        const { format, lang, ...q } = req.query;
        const organisation = await getOrganisation(ctx.db, req.caller.organisationId);
        const words = wordsFor(lang ?? organisation.language);
        const report = await managementReport(ctx.db, organisation, q, ctx.today(), words);
        const name = fileNameOf(`${report.title} ${q.from ?? ''} ${q.to ?? ''}`.trim(), 'report');
        const send = (type: string, body: Buffer) =>
          reply
            .header('content-type', type)
            .header('content-disposition', `attachment; filename="${name}.${format}"`)
            .send(body);
        if (format === 'pdf') return send('application/pdf', await reportPdf(report, words.language));
        if (format === 'xlsx')
          return send(
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            await reportXlsx(report, words.language),
          );
        return send(
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          await reportDocx(report, words.language),
        );
      },
    );

    app.get(
      '/portfolio/themes',
      {
        config: { policy: portfolioPolicies.read },
        schema: {
          tags: ['portfolio'],
          summary: 'Recurring themes: recommendations of several evaluations that read alike, largest first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
          response: { 200: z.object({ items: z.array(recurringThemeSchema) }) },
        },
      },
      async (req) => ({ items: await recurringThemes(ctx.db, req.caller.organisationId, req.query.limit) }),
    );

    app.get(
      '/recommendations/:id/similar',
      {
        config: { policy: portfolioPolicies.read },
        schema: {
          tags: ['portfolio'],
          summary: 'Recommendations of other evaluations that read like this one, and what became of them',
          params: idParams,
          response: { 200: z.object({ items: z.array(similarRecommendationSchema) }) },
        },
      },
      async (req) => ({
        items: await similarRecommendations(ctx.db, req.caller.organisationId, req.params.id),
      }),
    );

    app.get(
      '/recommendations/:id/practices',
      {
        config: { policy: portfolioPolicies.read },
        schema: {
          tags: ['portfolio'],
          summary:
            'Practices linked to a recommendation as inspiration, then published practices whose words match it',
          params: idParams,
          response: { 200: z.object({ items: z.array(practiceSuggestionSchema) }) },
        },
      },
      async (req) => ({
        items: await practicesForRecommendation(ctx.db, req.caller.organisationId, req.params.id),
      }),
    );

    app.put(
      '/recommendations/:id/practices/:practiceId',
      {
        config: { policy: evaluationPolicies.edit },
        schema: {
          tags: ['portfolio'],
          summary: 'Link a practice to a recommendation as inspiration',
          params: linkParams,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await linkPractice(ctx.db, req.caller, req.params.id, req.params.practiceId, true);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/recommendations/:id/practices/:practiceId',
      {
        config: { policy: evaluationPolicies.edit },
        schema: {
          tags: ['portfolio'],
          summary: 'Unlink a practice from a recommendation',
          params: linkParams,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await linkPractice(ctx.db, req.caller, req.params.id, req.params.practiceId, false);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/practices/:id/recommendations',
      {
        config: { policy: portfolioPolicies.read },
        schema: {
          tags: ['portfolio'],
          summary: 'The recommendations a practice was linked to as inspiration',
          params: idParams,
          response: { 200: z.object({ items: z.array(inspiredRecommendationSchema) }) },
        },
      },
      async (req) => ({
        items: await recommendationsOfPractice(ctx.db, req.caller.organisationId, req.params.id),
      }),
    );
  };
}
