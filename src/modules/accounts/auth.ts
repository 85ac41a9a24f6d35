/**
 * Sign-in, sessions and password resets, by better-auth: email + password (argon2id), sessions in
 * HttpOnly SameSite=Lax cookies, reset links by email, and optionally an OpenID Connect provider.
 * Nobody signs up on their own: people are created by the first-start screen, the CLI or an
 * invitation (accounts/service.ts), which then give them a role in an organisation.
 */
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { Db } from '../../db/client.js';
import type { Mailer } from '../../lib/mail.js';
import { languageOfPerson, resetEmail } from './emails.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { authAccounts, authSessions, authVerifications, users } from './schema.js';

/** How long a browser's signed copy of its session is trusted before the session row is read again. */
export const SESSION_CACHE_SECONDS = 60;

export interface AuthOptions {
  db: Db;
  /**
   * The address people open Integra at, e.g. https://integra.example.org (links in emails);
   * without it (INTEGRA_URL unset) the address a request came to, on this machine only.
   */
  baseUrl: string | null;
  /** Signs the session cookies; INTEGRA_SECRET, or a secret kept in the data folder. */
  secret: string;
  mailer: Mailer;
  /** OpenID Connect sign-in, when configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). */
  oidc?: { issuer: string; clientId: string; clientSecret: string; name?: string } | null;
}

export function createAuth(options: AuthOptions) {
  const secure = options.baseUrl?.startsWith('https:') ?? false;
  const local = ['localhost:*', '127.0.0.1:*', 'localhost', '127.0.0.1'];
  return betterAuth({
    appName: 'Integra',
    baseURL: options.baseUrl ?? { allowedHosts: local, fallback: 'http://localhost:3000' },
    basePath: '/api/auth',
    secret: options.secret,
    telemetry: { enabled: false },
    logger: { level: 'error' },
    // A refused provider sign-in comes back to the sign-in page, which says why.
    onAPIError: { errorURL: '/sign-in' },
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      schema: { user: users, session: authSessions, account: authAccounts, verification: authVerifications },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        // In the language the person reads Integra in (theirs, else their organisation's).
        const language = await languageOfPerson(options.db, user.id);
        await options.mailer.send({ to: user.email, ...resetEmail(language, user.email, url) });
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      // The session is also kept, signed, in a cookie for a minute: a signed-in request then reads
      // no session row (one query, its memberships, before its own work). Signing out clears it
      // at once; a session ended elsewhere (password reset, another device) ends here within the minute.
      cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS },
    },
    // An OpenID Connect sign-in joins the account with the same email. Local accounts are made by
    // an administrator, the CLI or an invitation only (no self sign-up), so their addresses are
    // vetted even when nobody clicked a verification link.
    account: {
      accountLinking: { enabled: true, trustedProviders: ['oidc'], requireLocalEmailVerified: false },
    },
    // Sign-in and reset requests are rate limited by the server (@fastify/rate-limit) per address.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'integra',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      database: { generateId: 'uuid' },
      ipAddress: { ipAddressHeaders: ['x-integra-client-ip'] },
    },
    trustedOrigins: options.baseUrl ? [new URL(options.baseUrl).origin] : local.map((h) => `http://${h}`),
    plugins: options.oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: 'oidc',
                discoveryUrl: `${options.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
                clientId: options.oidc.clientId,
                clientSecret: options.oidc.clientSecret,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
                // Only people who already have an account (created or invited) may sign in this way.
                disableImplicitSignUp: true,
              },
            ],
          }),
        ]
      : [],
  });
}

export type Auth = ReturnType<typeof createAuth>;
