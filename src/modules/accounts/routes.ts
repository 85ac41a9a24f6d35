/**
 * HTTP edge of accounts: better-auth's endpoints under /api/auth (sign-in, sign-out, password
 * reset, OpenID Connect), the session, the first administrator, members and invitations.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Mailer } from '../../lib/mail.js';
import type { AppContext } from '../../server/context.js';
import { Unavailable } from '../../server/errors.js';
import type { Auth } from './auth.js';
import {
  acceptInvitationSchema,
  invitationInputSchema,
  memberPatchSchema,
  newUserSchema,
  sessionSchema,
} from './model.js';
import { accountPolicies } from './policies.js';
import {
  acceptInvitation,
  createFirstAdmin,
  describeInvitation,
  invite,
  listMembers,
  removeMember,
  setupNeeded,
  updateMember,
} from './service.js';

export interface AccountsContext extends AppContext {
  auth: Auth;
  mailer: Mailer;
  oidc: boolean;
  /** The address of the web app for links; the request's own when not configured. */
  baseUrl: string | null;
  /** Requests per minute and address for sign-in, reset, setup and invitations. */
  attemptsPerMinute: number;
}

/** Paths where a guessed password or a flood of emails would hurt: a few attempts a minute. */
const SENSITIVE =
  /^\/api\/auth\/(sign-in|request-password-reset|reset-password|forget-password)|^\/api\/setup|^\/api\/invitations\/[^/]+\/accept/;

export const clientIp = (req: FastifyRequest) => req.ip;

/** Hands a request to better-auth and its answer (cookies included) back to Fastify. */
async function forward(auth: Auth, req: FastifyRequest, reply: FastifyReply, url: string, body?: unknown) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === 'x-integra-client-ip') continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  headers.set('x-integra-client-ip', clientIp(req));
  let payload: string | undefined;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    headers.set('content-type', 'application/json');
    headers.delete('content-length');
  }
  const origin = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
  const res = await auth.handler(
    new Request(new URL(url, origin), { method: req.method, headers, body: payload }),
  );
  reply.status(res.status);
  res.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
  });
  const cookies = res.headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  const text = await res.text();
  if (res.status >= 400) {
    // One error shape for the whole API: { error: { code, message } }.
    let message = res.statusText || 'The request was refused.';
    let code = res.status === 401 ? 'unauthenticated' : res.status === 429 ? 'too_many' : 'invalid';
    try {
      const body = JSON.parse(text) as { message?: string; code?: string };
      if (body.message) message = body.message;
      if (body.code === 'INVALID_EMAIL_OR_PASSWORD') message = 'Wrong email or password.';
      if (body.code) code = body.code.toLowerCase();
    } catch {
      /* not JSON: keep the status text */
    }
    return reply.header('content-type', 'application/json; charset=utf-8').send({ error: { code, message } });
  }
  return reply.send(text.length ? text : undefined);
}

export function accountRoutes(ctx: AccountsContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['accounts'];
    const limited = {
      max: (req: FastifyRequest) => (SENSITIVE.test(req.url) ? ctx.attemptsPerMinute : 600),
      timeWindow: '1 minute',
      keyGenerator: (req: FastifyRequest) =>
        `${clientIp(req)} ${SENSITIVE.test(req.url) ? req.url.split('?')[0] : '*'}`,
    };
    let setupDone = false;
    const needsSetup = async () => {
      if (setupDone) return false;
      setupDone = !(await setupNeeded(ctx.db));
      return !setupDone;
    };

    app.route({
      method: ['GET', 'POST'],
      url: '/auth/*',
      config: { policy: accountPolicies.public, rateLimit: limited },
      schema: { hide: true },
      handler: (req, reply) => {
        if (!ctx.mailer.configured && req.url.startsWith('/api/auth/request-password-reset')) {
          // Saying "check your email" when nothing can be sent would leave people waiting.
          throw new Unavailable(
            'This server cannot send email (SMTP_URL is not set): ask an administrator to reset your access.',
          );
        }
        return forward(ctx.auth, req, reply, req.url, req.method === 'POST' ? (req.body ?? {}) : undefined);
      },
    });

    app.get(
      '/session',
      {
        config: { policy: accountPolicies.public },
        schema: {
          tags,
          summary: 'Who is signed in, their organisations and roles; whether setup is needed',
          response: { 200: sessionSchema },
        },
      },
      async (req) => ({
        ...req.caller,
        setupNeeded: await needsSetup(),
        mail: ctx.mailer.configured,
        oidc: ctx.oidc,
      }),
    );

    app.post(
      '/setup',
      {
        config: { policy: accountPolicies.public, rateLimit: limited },
        schema: {
          tags,
          summary: 'Create the first administrator (only while nobody exists) and sign them in',
          body: newUserSchema,
        },
      },
      async (req, reply) => {
        await createFirstAdmin(ctx.db, req.body);
        setupDone = true;
        return forward(ctx.auth, req, reply, '/api/auth/sign-in/email', {
          email: req.body.email,
          password: req.body.password,
        });
      },
    );

    app.get(
      '/members',
      {
        config: { policy: accountPolicies.manage },
        schema: { tags, summary: 'The organisation’s members and open invitations' },
      },
      (req) => listMembers(ctx.db, req.caller.organisationId),
    );

    app.patch(
      '/members/:userId',
      {
        config: { policy: accountPolicies.manage },
        schema: {
          tags,
          summary: 'Change a member’s role or unit',
          params: z.object({ userId: z.string().uuid('not a valid id') }),
          body: memberPatchSchema,
        },
      },
      async (req) => {
        await updateMember(ctx.db, req.caller, req.params.userId, req.body);
        return listMembers(ctx.db, req.caller.organisationId);
      },
    );

    app.delete(
      '/members/:userId',
      {
        config: { policy: accountPolicies.manage },
        schema: {
          tags,
          summary: 'Remove someone from the organisation (their history stays)',
          params: z.object({ userId: z.string().uuid('not a valid id') }),
          querystring: z.object({ reason: z.string().max(2_000).optional() }),
        },
      },
      async (req, reply) => {
        await removeMember(ctx.db, req.caller, req.params.userId, req.query.reason);
        return reply.status(204).send();
      },
    );

    app.post(
      '/invitations',
      {
        config: { policy: accountPolicies.manage },
        schema: {
          tags,
          summary: 'Invite someone by link (emailed when SMTP is configured)',
          body: invitationInputSchema,
        },
      },
      async (req, reply) => {
        // The token travels in the link only.
        const { token, ...created } = await invite(ctx.db, req.caller, req.body);
        const base = ctx.baseUrl ?? `${req.protocol}://${req.headers.host}`;
        const link = `${base.replace(/\/$/, '')}/invitations/${token}`;
        let emailed = false;
        if (ctx.mailer.configured) {
          const org = req.caller.memberships.find((m) => m.organisationId === req.caller.organisationId);
          await ctx.mailer.send({
            to: created.email,
            subject: `You are invited to ${org?.organisationName ?? 'an organisation'} on Integra`,
            text: `${req.caller.user?.name ?? 'Someone'} invites you to join ${org?.organisationName ?? 'their organisation'} on Integra as ${created.role}${created.unit ? ` for ${created.unit}` : ''}.\n\nOpen this link within 7 days to accept:\n${link}\n`,
          });
          emailed = true;
        }
        return reply.status(201).send({ ...created, link, emailed });
      },
    );

    app.get(
      '/invitations/:token',
      {
        config: { policy: accountPolicies.public },
        schema: {
          tags,
          summary: 'What an invitation link offers',
          params: z.object({ token: z.string().max(100) }),
        },
      },
      (req) => describeInvitation(ctx.db, req.params.token),
    );

    app.post(
      '/invitations/:token/accept',
      {
        config: { policy: accountPolicies.public, rateLimit: limited },
        schema: {
          tags,
          summary: 'Accept an invitation: choose a name and password, or join with the signed-in account',
          params: z.object({ token: z.string().max(100) }),
          body: acceptInvitationSchema,
        },
      },
      async (req, reply) => {
        const accepted = await acceptInvitation(ctx.db, req.params.token, req.body, req.caller.user);
        if (req.caller.user) return { ok: true };
        return forward(ctx.auth, req, reply, '/api/auth/sign-in/email', {
          email: accepted.email,
          password: req.body.password,
        });
      },
    );
  };
}
