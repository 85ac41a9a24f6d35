/** HTTP edge of the unit directory: list, create, edit, delete units, and match texts to them. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { noContent } from '../../server/replies.js';
import { historyQuery, historySchema, reasonQuery } from '../audit/model.js';
import { historyOf } from '../audit/service.js';
import {
  unitInputSchema,
  unitListSchema,
  unitMatchInputSchema,
  unitMatchResultSchema,
  unitPatchSchema,
  unitSchema,
} from './model.js';
import { unitPolicies } from './policies.js';
import {
  createUnit,
  deleteUnit,
  getUnit,
  listUnits,
  matchUnits,
  membersForFocalPoints,
  updateUnit,
} from './service.js';

const idParams = z.object({ id: z.string().uuid('not a valid id') });

export function unitRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['units'];

    app.get(
      '/units',
      {
        config: { policy: unitPolicies.read },
        schema: {
          tags,
          summary: 'The organisation’s responsible units, their other names, focal points and open actions',
          response: { 200: unitListSchema },
        },
      },
      async (req) => ({ items: await listUnits(ctx.db, req.caller.organisationId) }),
    );

    app.post(
      '/units',
      {
        config: { policy: unitPolicies.edit },
        schema: {
          tags,
          summary: 'Add a unit (names are unique, ignoring case and accents, among names and other names)',
          body: unitInputSchema,
          response: { 201: unitSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await createUnit(ctx.db, req.caller, req.body)),
    );

    app.post(
      '/units/match',
      {
        config: { policy: unitPolicies.read },
        schema: {
          tags,
          summary: 'Which units "Responsible unit(s)" texts name: exact matches, and close ones to confirm',
          body: unitMatchInputSchema,
          response: { 200: unitMatchResultSchema },
        },
      },
      (req) => matchUnits(ctx.db, req.caller.organisationId, req.body.texts),
    );

    app.get(
      '/units/members',
      {
        config: { policy: unitPolicies.edit },
        schema: {
          tags,
          summary: 'The organisation’s members, to choose focal points from',
          response: {
            200: z.object({
              items: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })),
            }),
          },
        },
      },
      async (req) => ({ items: await membersForFocalPoints(ctx.db, req.caller.organisationId) }),
    );

    app.get(
      '/units/:id',
      {
        config: { policy: unitPolicies.read },
        schema: { tags, summary: 'One unit', params: idParams, response: { 200: unitSchema } },
      },
      (req) => getUnit(ctx.db, req.caller.organisationId, req.params.id),
    );

    app.patch(
      '/units/:id',
      {
        config: { policy: unitPolicies.edit },
        schema: {
          tags,
          summary: 'Rename a unit, or replace its other names or its focal points',
          params: idParams,
          body: unitPatchSchema,
          response: { 200: unitSchema },
        },
      },
      (req) => updateUnit(ctx.db, req.caller, req.params.id, req.body),
    );

    app.delete(
      '/units/:id',
      {
        config: { policy: unitPolicies.edit },
        schema: {
          tags,
          summary: 'Delete a unit (refused once a follow-up round asked it)',
          params: idParams,
          querystring: reasonQuery,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await deleteUnit(ctx.db, req.caller, req.params.id, req.query.reason);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/units/:id/history',
      {
        config: { policy: unitPolicies.read },
        schema: {
          tags,
          summary: 'Who changed this unit, when, from what to what, and why',
          params: idParams,
          querystring: historyQuery,
          response: { 200: historySchema },
        },
      },
      async (req) => {
        await getUnit(ctx.db, req.caller.organisationId, req.params.id);
        return historyOf(ctx.db, req.caller.organisationId, req.params.id, req.query);
      },
    );
  };
}
