/**
 * HTTP edge of closing evaluations: the proposals (open too long), closing and reopening.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent } from '../../server/replies.js';
import { closeEvaluation, closureProposals, reopenEvaluation } from '../evaluations/closure.js';
import { closeInputSchema, closureProposalSchema } from './model.js';
import { followupPolicies } from './policies.js';
import { type FollowupContext, id, routeKit } from './routeKit.js';
import { getSettings } from './settings.js';

export function closureRoutes(ctx: FollowupContext): FastifyPluginAsyncZod {
  return async (app) => {
    const { tags } = routeKit(ctx);

    app.get(
      '/evaluations/closure-proposals',
      {
        config: { policy: followupPolicies.read },
        schema: {
          tags,
          summary: 'Evaluations still open long after publication',
          response: { 200: z.object({ items: z.array(closureProposalSchema) }) },
        },
      },
      async (req) => {
        const { closureMonths } = await getSettings(ctx.db, req.caller.organisationId);
        return {
          items: await closureProposals(ctx.db, req.caller.organisationId, closureMonths, ctx.today()),
        };
      },
    );
    app.post(
      '/evaluations/:id/close',
      {
        config: { policy: followupPolicies.manage },
        schema: {
          tags,
          summary: 'Close an evaluation (read-only, with a closing note)',
          params: z.object({ id }),
          body: closeInputSchema,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await closeEvaluation(ctx.db, req.caller, req.params.id, req.body.note);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/evaluations/:id/reopen',
      {
        config: { policy: followupPolicies.manage },
        schema: {
          tags,
          summary: 'Reopen a closed evaluation',
          params: z.object({ id }),
          body: z
            .object({ reason: z.string().trim().max(2_000).optional() })
            .strict()
            .optional(),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await reopenEvaluation(ctx.db, req.caller, req.params.id, req.body?.reason);
        return reply.status(204).send(null);
      },
    );
  };
}
