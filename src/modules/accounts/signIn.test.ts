/**
 * Sign-in limits per account and per address, and better-auth's refusals in the API's own codes.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { testDatabases } from '../../test/databases.js';
import { setupAdmin, TEST_PASSWORD } from '../../test/session.js';
import { fromAuthResponse } from './authErrors.js';
import { createUser, ensureDefaultOrganisation } from './service.js';

const OUR_CODES = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'unsupported',
  'too_many',
  'unavailable',
  'internal',
];

describe.each(testDatabases())('sign-in on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let organisationId: string;

  const signIn = (remoteAddress: string, email: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress,
      payload: { email, password },
    });

  const person = async (email: string) => {
    await createUser(database.db, {
      name: email,
      email,
      password: TEST_PASSWORD,
      organisationId,
      role: 'viewer',
    });
    return email;
  };

  beforeAll(async () => {
    database = await open();
    organisationId = await ensureDefaultOrganisation(database.db);
    app = await buildApp({ db: database.db, organisationId, webDist: null, attemptsPerMinute: 5 });
    await setupAdmin(app, 'ada@example.org');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('slows down guesses against one account from many addresses, but not its owner', async () => {
    const bea = await person('bea@example.org');
    // Five addresses, two guesses each: ten failures, each address well under its own limit.
    for (let a = 1; a <= 5; a++) {
      for (let i = 0; i < 2; i++) {
        const res = await signIn(`10.0.0.${a}`, bea, `guess ${a}.${i} of many`);
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      }
    }
    // The account is under attack: those addresses are refused, even with the right password…
    const again = await signIn('10.0.0.1', bea, TEST_PASSWORD);
    expect(again.statusCode).toBe(429);
    expect(again.json().error).toEqual({
      code: 'too_many',
      message: 'Too many attempts on this account; try again in 15 minutes.',
    });
    // …a new address's wrong password is refused the same way, and then that address is too…
    const fresh = await signIn('10.0.0.6', bea, 'yet another guess');
    expect(fresh.statusCode).toBe(429);
    expect(fresh.json().error.message).toMatch(
      /^Too many attempts on this account; try again in 1[45] minutes\.$/,
    );
    expect((await signIn('10.0.0.6', bea, TEST_PASSWORD)).statusCode).toBe(429);
    // …unknown accounts count the same way (nothing tells which emails exist)…
    for (let a = 1; a <= 5; a++) {
      for (let i = 0; i < 2; i++)
        expect((await signIn(`10.0.1.${a}`, 'nobody@example.org', 'x'.repeat(12))).statusCode).toBe(401);
    }
    expect((await signIn('10.0.1.6', 'Nobody@Example.org', 'x'.repeat(12))).statusCode).toBe(429);
    // …while the owner, from an address that has not failed, signs in, and other accounts are untouched.
    const owner = await signIn('192.168.7.7', bea, TEST_PASSWORD);
    expect(owner.statusCode).toBe(200);
    expect(String(owner.headers['set-cookie'])).toMatch(/integra\.session_token=/);
    expect((await signIn('10.0.0.1', 'ada@example.org', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('keeps the failures in the database, so another process refuses them too', async () => {
    const cleo = await person('cleo@example.org');
    for (let a = 1; a <= 10; a++)
      expect((await signIn(`10.0.2.${a}`, cleo, 'a wrong guess')).statusCode).toBe(401);
    const other = await buildApp({ db: database.db, organisationId, webDist: null, attemptsPerMinute: 5 });
    try {
      const res = await other.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        remoteAddress: '10.0.2.1',
        payload: { email: cleo, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('limits failures per address, not colleagues signing in from one office address', async () => {
    const dan = await person('dan@example.org');
    // Eight successful sign-ins from one address: more than the five failures it may make a minute.
    for (let i = 0; i < 8; i++) expect((await signIn('10.0.3.1', dan, TEST_PASSWORD)).statusCode).toBe(200);
    // Five failures from one address against five accounts: the sixth attempt waits.
    const tries = [];
    for (let i = 0; i < 6; i++)
      tries.push((await signIn('10.0.3.2', `someone${i}@example.org`, 'a guess')).statusCode);
    expect(tries).toEqual([401, 401, 401, 401, 401, 429]);
    const waited = await signIn('10.0.3.2', dan, TEST_PASSWORD);
    expect(waited.statusCode).toBe(429);
    expect(waited.json().error.message).toMatch(/^Too many attempts; try again in \d+ seconds?\.$/);
    // Other addresses are not held back by that one.
    expect((await signIn('10.0.3.3', dan, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('reads a session from its signed cookie: one query before a request’s own work; signing out ends it', async () => {
    const email = await person('cached@example.org');
    const signedIn = await signIn('10.0.9.1', email, TEST_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    // What a browser keeps: every cookie the sign-in set, by name.
    const jar = new Map<string, string>();
    const keep = (setCookie: string | string[] | undefined) => {
      for (const c of [setCookie ?? []].flat()) {
        const [pair, ...attributes] = c.split(';');
        const [name, value] = pair.split(/=(.*)/s);
        if (value === '' || attributes.some((a) => /^\s*max-age=0$/i.test(a))) jar.delete(name);
        else jar.set(name, value);
      }
    };
    keep(signedIn.headers['set-cookie']);
    expect([...jar.keys()]).toEqual(
      expect.arrayContaining(['integra.session_token', 'integra.session_data']),
    );
    const cookie = () => [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
    const queriesFor = async (cookieHeader: string) => {
      const before = database.queryCount();
      const res = await app.inject({ url: '/api/health', headers: { cookie: cookieHeader } });
      expect(res.statusCode).toBe(200);
      return database.queryCount() - before;
    };
    // /api/health does nothing of its own: what it costs is the session and the caller.
    const cached = await queriesFor(cookie());
    const tokenOnly = await queriesFor(`integra.session_token=${jar.get('integra.session_token')}`);
    expect(cached).toBe(1);
    expect(tokenOnly).toBeGreaterThan(cached);
    const who = await app.inject({ url: '/api/session', headers: { cookie: cookie() } });
    expect(who.json().user.email).toBe(email);

    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: cookie() },
    });
    expect(out.statusCode).toBe(200);
    keep(out.headers['set-cookie']);
    expect(jar.has('integra.session_data')).toBe(false);
    const after = await app.inject({ url: '/api/session', headers: { cookie: cookie() } });
    expect(after.json().user).toBeNull();
  });

  it('answers in the API’s own codes, never better-auth’s', async () => {
    const wrong = await signIn('10.0.4.1', 'ada@example.org', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'unauthenticated', message: 'Wrong email or password.' } });
    const unknown = await signIn('10.0.4.2', 'nobody-at-all@example.org', 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());

    const notEmail = await signIn('10.0.4.3', 'not an email', 'whatever it is');
    expect(notEmail.statusCode).toBe(400);
    expect(notEmail.json().error).toMatchObject({ code: 'invalid', details: [{ path: 'email' }] });

    const malformed = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress: '10.0.4.4',
      payload: { email: 5 },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'invalid', message: 'Some fields are invalid.' });
    expect(malformed.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.email',
      'body.password',
    ]);
    const notObject = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress: '10.0.4.4',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=x',
    });
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().error.code).toBe('invalid');

    const answers = await Promise.all([
      app.inject({
        method: 'POST',
        url: '/api/auth/reset-password',
        remoteAddress: '10.0.4.5',
        payload: { token: 'no-such-token', newPassword: 'a long new password' },
      }),
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        remoteAddress: '10.0.4.5',
        payload: { email: 'eve@example.org', password: 'a long new password', name: 'Eve' },
      }),
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/social',
        remoteAddress: '10.0.4.5',
        payload: { provider: 'google' },
      }),
      app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        remoteAddress: '10.0.4.5',
        payload: { currentPassword: 'x', newPassword: 'y' },
      }),
      app.inject({ method: 'POST', url: '/api/auth/no-such-thing', remoteAddress: '10.0.4.5', payload: {} }),
    ]);
    expect(answers.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [400, 'invalid'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [401, 'unauthenticated'],
      [404, 'not_found'],
    ]);
    for (const r of answers) {
      const { error } = r.json();
      expect(OUR_CODES).toContain(error.code);
      expect(error.message).toMatch(/^[A-Z].*\.$/);
    }
    expect(answers[0].json().error.message).toMatch(/link is not valid/);
  });
});

describe('better-auth errors in our words', () => {
  it('maps every code, known or not, onto the API’s error set', () => {
    const cases: [number, unknown][] = [
      [400, { code: 'PASSWORD_TOO_SHORT', message: 'Password too short' }],
      [422, { code: 'USER_ALREADY_EXISTS', message: 'User already exists.' }],
      [400, { code: 'SOMETHING_NEW', message: 'Something new happened' }],
      [500, { code: 'FAILED_TO_CREATE_SESSION', message: 'Failed to create session' }],
      [503, 'not json'],
      [403, { code: 'INVALID_ORIGIN' }],
      [429, {}],
    ];
    const mapped = cases.map(([status, body]) =>
      fromAuthResponse(
        status,
        typeof body === 'string' ? body : JSON.stringify(body),
        '/api/auth/reset-password',
      ),
    );
    expect(mapped.map((m) => [m.status, m.code])).toEqual([
      [400, 'invalid'],
      [409, 'conflict'],
      [400, 'invalid'],
      [500, 'internal'],
      [503, 'unavailable'],
      [403, 'forbidden'],
      [429, 'too_many'],
    ]);
    expect(mapped[0].details).toEqual([{ path: 'newPassword', message: 'at least 10 characters' }]);
    expect(mapped[2].message).toBe('Something new happened.');
    expect(mapped[3].message).toBe('Something went wrong on the server.');
  });
});
