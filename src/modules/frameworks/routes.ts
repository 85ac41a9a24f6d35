/** HTTP edge of the criteria frameworks practices are assessed against: list, read, add a version. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { NotFound } from '../../server/errors.js';
import { frameworkSummarySchema } from '../practices/model.js';
import { frameworkPolicies } from '../practices/policies.js';
import { parseFrameworkDefinition } from './definitions.js';
import { frameworkDefinitionSchema } from './model.js';
import { addFramework, getVisibleFramework, listFrameworks } from './service.js';

export function frameworkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['practices'];

    app.get(
      '/frameworks',
      {
        config: { policy: frameworkPolicies.read },
        schema: {
          tags,
          summary: 'The criteria frameworks and their versions',
          response: { 200: z.array(frameworkSummarySchema) },
        },
      },
      (req) => listFrameworks(ctx.db, req.caller),
    );
    app.get(
      '/frameworks/:id/:version',
      {
        config: { policy: frameworkPolicies.read },
        schema: {
          tags,
          summary: 'One framework version: criteria, questions, items',
          params: z.object({ id: z.string(), version: z.coerce.number().int() }),
          response: { 200: frameworkDefinitionSchema },
        },
      },
      async (req) => {
        const f = await getVisibleFramework(ctx.db, req.caller, req.params.id, req.params.version);
        if (!f) throw new NotFound('framework version');
        return f;
      },
    );
    app.post(
      '/frameworks',
      {
        config: { policy: frameworkPolicies.add },
        schema: {
          tags,
          summary: 'Add a framework version from a JSON or YAML definition',
          body: z.object({
            definition: z.string().max(2_000_000),
            fileName: z.string().max(200).default('framework.json'),
          }),
          response: { 201: z.object({ id: z.string(), version: z.number() }) },
        },
      },
      async (req, reply) => {
        const definition = parseFrameworkDefinition(req.body.definition, req.body.fileName);
        await addFramework(ctx.db, req.caller, definition);
        return reply.status(201).send({ id: definition.id, version: definition.version });
      },
    );
  };
}
