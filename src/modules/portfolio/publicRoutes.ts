/**
 * The public management-response pages (HTML, outside /api: anyone, search engines included) and
 * the API an editor publishes a response with.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicBaseUrl } from '../../lib/secret.js';
import type { AppContext } from '../../server/context.js';
import { evaluationPolicies } from '../evaluations/policies.js';
import { portfolioPolicies } from './policies.js';
import { readerLanguage, renderPublicIndex, renderPublicResponse } from './publicPage.js';
import { getPublicResponse, listPublicResponses, setResponsePublic } from './publicResponse.js';

const idParams = z.object({ id: z.string().uuid('not a valid id') });

/** Under /api: publishing a response. */
export function publishRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/evaluations/:id/public',
      {
        config: { policy: evaluationPolicies.edit },
        schema: {
          tags: ['portfolio'],
          summary: 'Publish the management response for anyone to read (or take it back)',
          params: idParams,
          body: z.object({ public: z.boolean() }).strict(),
          response: { 200: z.object({ publishedAt: z.string().nullable(), url: z.string().nullable() }) },
        },
      },
      async (req) => {
        const { publishedAt } = await setResponsePublic(ctx.db, req.caller, req.params.id, req.body.public);
        return { publishedAt, url: publishedAt ? `/responses/${req.params.id}` : null };
      },
    );
  };
}

/** At the root: the pages themselves. */
export function publicPageRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const base = () => publicBaseUrl();
  return async (app) => {
    app.get(
      '/responses',
      { config: { policy: portfolioPolicies.public }, schema: { hide: true } },
      async (req, reply) => {
        const list = await listPublicResponses(ctx.db);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(
            renderPublicIndex(list, readerLanguage(req.headers['accept-language']), `${base()}/responses`),
          );
      },
    );
    app.get(
      '/responses/:id',
      { config: { policy: portfolioPolicies.public }, schema: { hide: true, params: idParams } },
      async (req, reply) => {
        const response = await getPublicResponse(ctx.db, req.params.id);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(
            renderPublicResponse(
              response,
              readerLanguage(req.headers['accept-language']),
              `${base()}/responses/${response.id}`,
            ),
          );
      },
    );
  };
}
