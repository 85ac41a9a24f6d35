/** Signing in for tests: the first administrator by the setup route, others by the service. */
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Db } from '../db/client.js';
import { createUser } from '../modules/accounts/service.js';
import type { Role } from '../server/caller.js';

export const TEST_PASSWORD = 'a long test password';

const cookieOf = (setCookie: string | string[] | undefined): string => {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const session = list.find((c) => c.startsWith('integra.session_token='));
  if (!session) throw new Error('No session cookie was set.');
  return session.split(';')[0];
};

/** Creates the first administrator through POST /api/setup and returns their session cookie. */
export async function setupAdmin(app: FastifyInstance, email = 'admin@example.org'): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: { name: 'Ada Admin', email, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return cookieOf(res.headers['set-cookie']);
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return cookieOf(res.headers['set-cookie']);
}

/** A member of an organisation with a role, signed in. */
export async function signedInMember(
  app: FastifyInstance,
  db: Db,
  organisationId: string,
  role: Role,
  unit: string | null = null,
): Promise<string> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  await createUser(db, { name: `Test ${role}`, email, password: TEST_PASSWORD, organisationId, role, unit });
  return signIn(app, email);
}

/** app.inject with a session cookie. */
export const as = (app: FastifyInstance, cookie: string | null) => (opts: InjectOptions | string) => {
  const o = typeof opts === 'string' ? { url: opts } : opts;
  return app.inject({ ...o, headers: { ...(cookie ? { cookie } : {}), ...(o.headers ?? {}) } });
};
