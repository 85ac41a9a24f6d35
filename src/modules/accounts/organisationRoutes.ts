/** HTTP edge of an organisation's settings (name, default language) and of withdrawing invitations. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { noContent } from '../../server/replies.js';
import { reasonQuery } from '../audit/model.js';
import { organisationPatchSchema, organisationSettingsSchema } from './model.js';
import { getOrganisation, revokeInvitation, updateOrganisation } from './organisation.js';
import { accountPolicies } from './policies.js';

const tags = ['accounts'];

export function organisationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organisation',
      {
        config: { policy: accountPolicies.member },
        schema: {
          tags,
          summary: 'The organisation’s name and default language',
          response: { 200: organisationSettingsSchema },
        },
      },
      (req) => getOrganisation(ctx.db, req.caller.organisationId),
    );

    app.patch(
      '/organisation',
      {
        config: { policy: accountPolicies.manage },
        schema: {
          tags,
          summary: 'Rename the organisation or change its default language',
          body: organisationPatchSchema,
          response: { 200: organisationSettingsSchema },
        },
      },
      (req) => updateOrganisation(ctx.db, req.caller, req.body),
    );

    app.delete(
      '/invitations/:id',
      {
        config: { policy: accountPolicies.manage },
        schema: {
          tags,
          summary: 'Withdraw an invitation not yet accepted (its link stops working)',
          params: z.object({ id: z.string().uuid('not a valid id') }),
          querystring: reasonQuery,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await revokeInvitation(ctx.db, req.caller, req.params.id, req.query.reason);
        return reply.status(204).send(null);
      },
    );
  };
}
