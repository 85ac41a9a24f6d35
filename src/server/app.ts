/** Builds the Fastify app: the JSON API under /api, its OpenAPI document at /api/docs, and the web app. */

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { fromNodeHeaders } from 'better-auth/node';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from '../db/client.js';
import { todayIso } from '../lib/dates.js';
import { createMailer, type Mailer } from '../lib/mail.js';
import { type AuthOptions, createAuth } from '../modules/accounts/auth.js';
import { organisationRoutes } from '../modules/accounts/organisationRoutes.js';
import { accountRoutes } from '../modules/accounts/routes.js';
import { callerOf } from '../modules/accounts/service.js';
import { actionRoutes } from '../modules/actions/routes.js';
import { maxImportBytes } from '../modules/evaluations/import/importMatrixFile.js';
import { evaluationRoutes } from '../modules/evaluations/routes.js';
import { followupRoutes } from '../modules/followup/routes.js';
import { publicPageRoutes, publishRoutes } from '../modules/portfolio/publicRoutes.js';
import { portfolioRoutes } from '../modules/portfolio/routes.js';
import { practiceRoutes } from '../modules/practices/routes.js';
import { unitRoutes } from '../modules/units/routes.js';
import type { Caller } from './caller.js';
import type { AppContext } from './context.js';
import { Forbidden, Unauthenticated } from './errors.js';
import { frameworkErrorReply, registerErrorHandler } from './plugins/errors.js';
import { registerInputChecks } from './plugins/input.js';
import { registerCompression, registerWebApp } from './plugins/web.js';
import { checkedSerializerCompiler } from './serializer.js';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface RouteEntry {
  method: string;
  url: string;
  policy: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with the name of its policy. */
    routeTable: RouteEntry[];
  }
}

export interface AppOptions {
  db: Db;
  /** The organisation whose published practices visitors see (the installation's first). */
  organisationId: string;
  /** INTEGRA_URL: the address people open Integra at; links in emails use it. */
  baseUrl?: string | null;
  /** Signs session cookies (INTEGRA_SECRET, or one kept in the data folder); random when omitted. */
  secret?: string;
  mailer?: Mailer;
  oidc?: AuthOptions['oidc'];
  /** Sign-in, reset, setup and invitation attempts per minute and address (default 10). */
  attemptsPerMinute?: number;
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
    // The router's refusals (malformed %-escapes, over-long parameters) in our error shape.
    frameworkErrors: frameworkErrorReply,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Under tests a reply its response schema would cut short fails instead (serializer.ts).
  app.setSerializerCompiler(process.env.VITEST ? checkedSerializerCompiler : serializerCompiler);
  registerErrorHandler(app);
  registerInputChecks(app);
  await registerCompression(app);

  const ctx: AppContext = { db: options.db, today: options.today ?? (() => todayIso()) };
  const mailer = options.mailer ?? createMailer(undefined);
  const baseUrl = options.baseUrl ?? null;
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const auth = createAuth({
    db: options.db,
    baseUrl,
    secret,
    mailer,
    oidc: options.oidc ?? null,
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: baseUrl?.startsWith('https:') ? undefined : false,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) => ({
      statusCode: 429,
      error: { code: 'too_many', message: `Too many attempts; try again in ${Math.ceil(c.ttl / 1000)} s.` },
    }),
  });

  // Every route under /api names its policy; one without cannot be served. The table is kept
  // for the authorisation test, which calls every route as every role.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.url !== '/api/health' && !route.url.startsWith('/api/docs')) {
      const policy = route.config?.policy;
      if (!policy) throw new Error(`The route ${route.method} ${route.url} names no policy.`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routeTable.push({ method, url: route.url, policy: policy.name });
      }
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Integra API',
        version: '0.1.0',
        description:
          'Evaluation follow-up and the shared action tracker. Errors are `{ error: { code, message, details?, reason?, params? } }`: `reason` names the message and `params` its values, to say it in another language.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(fastifyMultipart, { limits: { fileSize: importLimit, files: 1, fields: 10 } });

  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    checkOrigin(req, baseUrl);
    let session: { user: { id: string; email: string; name: string } } | null = null;
    if (!req.url.startsWith('/api/auth/')) {
      const read = await auth.api.getSession({ headers: fromNodeHeaders(req.headers), returnHeaders: true });
      session = read.response;
      // A renewed (or expired) copy of the session in its cookie goes back with the reply.
      const renewed = read.headers.getSetCookie();
      if (renewed.length) reply.header('set-cookie', renewed);
    }
    const user = session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null;
    const requested = req.headers['x-organisation'];
    req.caller = await callerOf(
      options.db,
      user,
      typeof requested === 'string' ? requested : undefined,
      options.organisationId,
    );
    const policy = req.routeOptions.config?.policy;
    if (policy && !policy.allows(req.caller)) {
      throw req.caller.user ? new Forbidden() : new Unauthenticated();
    }
  });

  await app.register(
    async (api) => {
      await api.register(
        accountRoutes({
          ...ctx,
          auth,
          mailer,
          oidc: Boolean(options.oidc),
          baseUrl,
          attemptsPerMinute: options.attemptsPerMinute ?? 10,
        }),
      );
      await api.register(organisationRoutes(ctx));
      await api.register(followupRoutes({ ...ctx, mailer, secret, baseUrl }));
      await api.register(evaluationRoutes(ctx));
      await api.register(actionRoutes(ctx));
      await api.register(practiceRoutes(ctx));
      await api.register(unitRoutes(ctx));
      await api.register(portfolioRoutes(ctx));
      await api.register(publishRoutes(ctx));
      api.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
    },
    { prefix: '/api' },
  );
  await app.register(publicPageRoutes(ctx));

  const webDist = options.webDist === undefined ? WEB_DIST : options.webDist;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    await registerWebApp(app, webDist);
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

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie sessions: a browser names the page a request comes from (Origin),
 * and a change must come from Integra's own pages. Requests without Origin (curl, the CLI) carry
 * no browser cookies on their own; SameSite=Lax keeps cookies off other sites' form posts too.
 */
function checkOrigin(req: FastifyRequest, baseUrl: string | null) {
  if (SAFE.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new Forbidden('This request comes from a page Integra does not know.');
  }
  const allowed = baseUrl ? new URL(baseUrl).host : req.headers.host;
  if (host !== allowed) throw new Forbidden('This request comes from another site; it was refused.');
}
