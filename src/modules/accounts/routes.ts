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
import { noContent } from '../../server/replies.js';
import { unitsOfPerson } from '../units/service.js';
import type { Auth } from './auth.js';
import { fromAuthResponse } from './authErrors.js';
import { invitationEmail, languageOfOrganisation } from './emails.js';
import {
  acceptInvitationSchema,
  invitationCreatedSchema,
  invitationInputSchema,
  invitationOfferSchema,
  languageInputSchema,
  memberPatchSchema,
  membersSchema,
  newUserSchema,
  sessionSchema,
  signedInSchema,
} from './model.js';
import { getOrganisation } from './organisation.js';
import { accountPolicies } from './policies.js';
import {
  acceptInvitation,
  createFirstAdmin,
  describeInvitation,
  invite,
  languageOf,
  listMembers,
  removeMember,
  setLanguage,
  setupNeeded,
  updateMember,
} from './service.js';
import {
  accountRefusalFor,
  beforeSignIn,
  DEFAULT_ACCOUNT_LIMIT,
  forgetOldFailures,
  notAFailure,
  type SignInLimits,
} from './signInLimits.js';

export interface AccountsContext extends AppContext {
  auth: Auth;
  mailer: Mailer;
  oidc: boolean;
  /** The address of the web app for links; the request's own when not configured. */
  baseUrl: string | null;
  /**
   * Requests per minute and address for reset, setup and invitations; failed password sign-ins
   * per minute and address (sign-in requests themselves: five times as many, against floods).
   */
  attemptsPerMinute: number;
  /** Failed password sign-ins against one account, from any addresses, before it is slowed down. */
  accountAttempts?: { max: number; windowMinutes: number };
}

/** Password sign-in: its failures are limited per account and per address (signInLimits.ts). */
const SIGN_IN = /^\/api\/auth\/sign-in\/email\/?(\?|$)/;

/** Paths where a guessed password or a flood of emails would hurt: a few attempts a minute. */
const SENSITIVE =
  /^\/api\/auth\/(sign-in|request-password-reset|reset-password|forget-password)|^\/api\/setup|^\/api\/invitations\/[^/]+\/accept/;

export const clientIp = (req: FastifyRequest) => req.ip;

/** Hands a request to better-auth; its answer comes back as a fetch Response. */
async function callAuth(auth: Auth, req: FastifyRequest, url: string, body?: unknown): Promise<Response> {
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
  return auth.handler(new Request(new URL(url, origin), { method: req.method, headers, body: payload }));
}

/**
 * Sends better-auth's answer (cookies included) through Fastify. A refusal is put in the API's one
 * error shape, `{ error: { code, message, details? } }`, with our codes (authErrors.ts).
 */
async function send(reply: FastifyReply, res: Response, path: string) {
  const text = await res.text();
  if (res.status >= 400) {
    const { status, ...error } = fromAuthResponse(res.status, text, path);
    return reply.status(status).header('content-type', 'application/json; charset=utf-8').send({ error });
  }
  reply.status(res.status);
  res.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
  });
  const cookies = res.headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  return reply.send(text.length ? text : undefined);
}

/** Hands a request to better-auth and its answer back to Fastify. */
async function forward(auth: Auth, req: FastifyRequest, reply: FastifyReply, url: string, body?: unknown) {
  return send(reply, await callAuth(auth, req, url, body), url.split('?')[0]);
}

/**
 * A password sign-in under the per-account and per-address limits (signInLimits.ts): refused with
 * 429 before the password is checked when the limits say so; a wrong password is recorded.
 */
async function limitedSignIn(
  ctx: AccountsContext,
  limits: SignInLimits,
  req: FastifyRequest,
  reply: FastifyReply,
) {
  const body = req.body as { email?: unknown } | undefined;
  // Without an email there is nothing to guess: better-auth says what is missing.
  if (typeof body?.email !== 'string' || !body.email.trim())
    return forward(ctx.auth, req, reply, req.url, body);
  const address = clientIp(req);
  const verdict = await beforeSignIn(ctx.db, limits, body.email, address);
  if (verdict.kind === 'refused') throw verdict.error;
  let res: Response;
  try {
    res = await callAuth(ctx.auth, req, req.url, body);
  } catch (err) {
    await notAFailure(ctx.db, verdict.attempt);
    throw err;
  }
  if (res.status !== 401) {
    // Signed in, or not a guess (a malformed request): the attempt does not count.
    await notAFailure(ctx.db, verdict.attempt);
  } else {
    await forgetOldFailures(ctx.db);
    // On an account under attack a wrong password is refused like any attempt too many, so the
    // answer tells a guesser nothing more than that.
    if (verdict.underAttack) throw await accountRefusalFor(ctx.db, limits, body.email, address);
  }
  return send(reply, res, '/api/auth/sign-in/email');
}

export function accountRoutes(ctx: AccountsContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['accounts'];
    const signInLimits: SignInLimits = {
      perAddress: ctx.attemptsPerMinute,
      perAccount: ctx.accountAttempts ?? DEFAULT_ACCOUNT_LIMIT,
    };
    const limited = {
      // Password sign-ins are limited by their failures (signInLimits.ts): colleagues signing in
      // from one office address must not hold each other back. This only stops floods.
      max: (req: FastifyRequest) =>
        SIGN_IN.test(req.url)
          ? ctx.attemptsPerMinute * 5
          : SENSITIVE.test(req.url)
            ? ctx.attemptsPerMinute
            : 600,
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
        if (req.method === 'POST' && SIGN_IN.test(req.url))
          return limitedSignIn(ctx, signInLimits, req, reply);
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
        language: req.caller.user ? await languageOf(ctx.db, req.caller.user.id) : null,
        organisationLanguage:
          (await getOrganisation(ctx.db, req.caller.organisationId).catch(() => null))?.language ?? 'en',
        unitIds: req.caller.user
          ? await unitsOfPerson(ctx.db, req.caller.organisationId, req.caller.user.id, req.caller.unitId)
          : [],
        setupNeeded: await needsSetup(),
        mail: ctx.mailer.configured,
        oidc: ctx.oidc,
      }),
    );

    app.put(
      '/session/language',
      {
        config: { policy: accountPolicies.self },
        schema: {
          tags,
          summary: 'Remember the language I chose (the app opens in it; my emails are written in it)',
          body: languageInputSchema,
          response: { 200: languageInputSchema },
        },
      },
      async (req) => {
        await setLanguage(ctx.db, req.caller.user!.id, req.body.language);
        return { language: req.body.language };
      },
    );

    app.post(
      '/setup',
      {
        config: { policy: accountPolicies.public, rateLimit: limited },
        schema: {
          tags,
          summary: 'Create the first administrator (only while nobody exists) and sign them in',
          body: newUserSchema,
          response: { 200: signedInSchema },
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
        schema: {
          tags,
          summary: 'The organisation’s members and open invitations',
          response: { 200: membersSchema },
        },
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
          response: { 200: membersSchema },
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
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await removeMember(ctx.db, req.caller, req.params.userId, req.query.reason);
        return reply.status(204).send(null);
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
          response: { 201: invitationCreatedSchema },
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
          // Someone without an account yet reads it in the organisation's language.
          const language = await languageOfOrganisation(ctx.db, req.caller.organisationId!);
          await ctx.mailer.send({
            to: created.email,
            ...invitationEmail(language, {
              inviter: req.caller.user?.name ?? null,
              organisation: org?.organisationName ?? 'Integra',
              role: created.role,
              unit: created.unit ?? null,
              link,
            }),
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
          response: { 200: invitationOfferSchema },
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
          // Joined with the signed-in account, or signed in as the new account.
          response: { 200: z.union([z.object({ ok: z.boolean() }), signedInSchema]) },
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
