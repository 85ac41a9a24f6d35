/** Builds the Fastify app: the JSON API under /api, its OpenAPI document at /api/docs, and the web app. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from '../db/client.js';
import { todayIso } from '../lib/dates.js';
import { actionRoutes } from '../modules/actions/routes.js';
import { maxImportBytes } from '../modules/evaluations/import/importMatrixFile.js';
import { evaluationRoutes } from '../modules/evaluations/routes.js';
import { practiceRoutes } from '../modules/practices/routes.js';
import type { AppContext } from './context.js';
import { registerErrorHandler } from './plugins/errors.js';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface AppOptions {
  db: Db;
  organisationId: string;
  /** Fixed "today" for tests; the server's calendar otherwise. */
  today?: () => string;
  /** pino level for the server log (info logs every request); "off" for none. */
  logLevel?: string;
  /** Folder of the built web app; omitted when it has not been built. */
  webDist?: string | null;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const importLimit = maxImportBytes();
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'off' ? { level: options.logLevel } : false,
    // A pasted matrix arrives as JSON: allow the import limit plus room for escaping.
    bodyLimit: importLimit * 2 + 64 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const ctx: AppContext = { db: options.db, today: options.today ?? (() => todayIso()) };

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Integra API',
        version: '0.1.0',
        description:
          'Evaluation follow-up and the shared action tracker. Errors are `{ error: { code, message, details? } }`.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyMultipart, { limits: { fileSize: importLimit, files: 1, fields: 10 } });

  app.decorateRequest('organisationId', '');
  app.addHook('onRequest', async (req) => {
    req.organisationId = options.organisationId;
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });

  await app.register(
    async (api) => {
      await api.register(evaluationRoutes(ctx));
      await api.register(actionRoutes(ctx));
      await api.register(practiceRoutes(ctx));
      api.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
    },
    { prefix: '/api' },
  );

  const webDist = options.webDist === undefined ? WEB_DIST : options.webDist;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') {
        return reply.status(404).send({ error: { code: 'not_found', message: 'No such route.' } });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) {
        return reply.status(404).send({ error: { code: 'not_found', message: 'No such route.' } });
      }
      return reply
        .status(503)
        .type('text/plain')
        .send('The web app has not been built yet: run `npm run build` (npm start does it for you).');
    });
  }
  return app;
}
