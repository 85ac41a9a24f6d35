/**
 * Accounts over HTTP: first start, invitations, roles, password reset by email through a real
 * SMTP server on this machine, rate limiting, CSRF and secure headers.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createMailer } from '../../lib/mail.js';
import { buildApp } from '../../server/app.js';
import { testDatabases } from '../../test/databases.js';
import { as, setupAdmin, signIn, TEST_PASSWORD } from '../../test/session.js';
import { ensureDefaultOrganisation } from './service.js';

/** A real SMTP server on a free port that keeps what it receives. */
async function startSmtp() {
  const received: { to: string; text: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let text = '';
      stream.on('data', (c: Buffer) => {
        text += c.toString('utf8');
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The first link in a plain-text email (quoted-printable soft breaks undone). */
const linkIn = (mail: string) => {
  const text = mail.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const m = text.match(/https?:\/\/\S+/);
  if (!m) throw new Error(`no link in: ${text}`);
  return m[0];
};

describe.each(testDatabases())('accounts on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: ReturnType<typeof as>;

  beforeAll(async () => {
    database = await open();
    smtp = await startSmtp();
    const organisationId = await ensureDefaultOrganisation(database.db);
    app = await buildApp({
      db: database.db,
      organisationId,
      webDist: null,
      mailer: createMailer(smtp.url),
      baseUrl: 'http://integra.test',
      attemptsPerMinute: 5,
    });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.close();
  });

  it('asks for the first administrator once, then never again', async () => {
    const before = (await app.inject('/api/session')).json();
    expect(before).toMatchObject({ user: null, setupNeeded: true, mail: true });
    const short = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { name: 'Ada', email: 'ada@example.org', password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0].path).toBe('password');
    admin = as(app, await setupAdmin(app, 'ada@example.org'));
    const session = (await admin('/api/session')).json();
    expect(session).toMatchObject({ user: { email: 'ada@example.org' }, role: 'admin', setupNeeded: false });
    const again = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { name: 'Eve', email: 'eve@example.org', password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(409);
    // The password is stored as an argon2id hash, never as given.
    const stored = await database.db.execute(
      "select password from auth_accounts where provider_id = 'credential'" as never,
    );
    const hash = String((stored as unknown as { rows: { password: string }[] }).rows[0].password);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('invites a contributor by link and email; the link works once', async () => {
    const res = await admin({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'Carla@Example.org', role: 'contributor', unit: 'City coordinators' },
    });
    expect(res.statusCode).toBe(201);
    const { link, emailed } = res.json();
    expect(emailed).toBe(true);
    expect(link).toMatch(/^http:\/\/integra\.test\/invitations\/[\w-]+$/);
    const mail = smtp.received.find((m) => m.to === 'carla@example.org');
    expect(mail && linkIn(mail.text)).toBe(link);
    const token = link.split('/').pop();
    const offer = (await app.inject(`/api/invitations/${token}`)).json();
    expect(offer).toMatchObject({
      email: 'carla@example.org',
      role: 'contributor',
      unit: 'City coordinators',
      hasAccount: false,
    });
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { name: 'Carla Conti', password: TEST_PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.headers['set-cookie']).toBeDefined();
    const carla = as(app, await signIn(app, 'carla@example.org'));
    expect((await carla('/api/session')).json()).toMatchObject({
      role: 'contributor',
      unit: 'City coordinators',
    });
    expect((await carla('/api/members')).statusCode).toBe(403);
    const reused = await app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { name: 'Mallory', password: TEST_PASSWORD },
    });
    expect(reused.statusCode).toBe(404);
    const members = (await admin('/api/members')).json();
    expect(members.members.map((m: { email: string }) => m.email).sort()).toEqual([
      'ada@example.org',
      'carla@example.org',
    ]);
  });

  it('keeps one administrator and records role changes with their reason', async () => {
    const members = (await admin('/api/members')).json().members as { userId: string; email: string }[];
    const ada = members.find((m) => m.email === 'ada@example.org')!;
    const carla = members.find((m) => m.email === 'carla@example.org')!;
    const demote = await admin({
      method: 'PATCH',
      url: `/api/members/${ada.userId}`,
      payload: { role: 'viewer' },
    });
    expect(demote.statusCode).toBe(409);
    const promote = await admin({
      method: 'PATCH',
      url: `/api/members/${carla.userId}`,
      payload: { role: 'editor', reason: 'leads the follow-up now' },
    });
    expect(promote.statusCode).toBe(200);
    const rows = (await database.db.execute(
      `select operation, before, after, reason, actor_name from audit_events where entity = 'membership' and entity_id = '${carla.userId}' order by id` as never,
    )) as unknown as {
      rows: { operation: string; before: unknown; after: unknown; reason: string; actor_name: string }[];
    };
    expect(rows.rows.at(-1)).toMatchObject({
      operation: 'update',
      before: { role: 'contributor', unit: 'City coordinators' },
      after: { role: 'editor', unit: null },
      reason: 'leads the follow-up now',
    });
    expect(rows.rows.at(-1)?.actor_name).toContain('ada@example.org');
  });

  it('resets a forgotten password with a link sent through SMTP', async () => {
    const asked = await app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: 'carla@example.org', redirectTo: '/reset-password' },
    });
    expect(asked.statusCode).toBe(200);
    const mail = smtp.received.filter((m) => m.to === 'carla@example.org').at(-1);
    expect(mail?.text).toContain('Reset');
    const link = new URL(linkIn(mail?.text ?? ''));
    // The link goes through the API, which sends the browser on to the page with the token.
    const followed = await app.inject(`${link.pathname}${link.search}`);
    expect(followed.statusCode).toBe(302);
    const page = new URL(String(followed.headers.location), 'http://integra.test');
    expect(page.pathname).toBe('/reset-password');
    const token = page.searchParams.get('token');
    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'a brand new passphrase' },
    });
    expect(reset.statusCode).toBe(200);
    await expect(signIn(app, 'carla@example.org')).rejects.toThrow(/401/);
    expect(await signIn(app, 'carla@example.org', 'a brand new passphrase')).toMatch(
      /^integra\.session_token=/,
    );
    // The token worked once.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, newPassword: 'yet another passphrase' },
    });
    expect(again.statusCode).toBe(400);
  });

  it('limits sign-in attempts per address, refuses other sites’ requests, and sends secure headers', async () => {
    const tries = [];
    for (let i = 0; i < 7; i++) {
      tries.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/sign-in/email',
            remoteAddress: '10.1.2.3',
            payload: { email: 'ada@example.org', password: `guess ${i} of many` },
          })
        ).statusCode,
      );
    }
    expect(tries.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(tries.slice(5)).toEqual([429, 429]);
    // Another address is not held back by the first one's attempts.
    const other = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress: '10.9.9.9',
      payload: { email: 'ada@example.org', password: TEST_PASSWORD },
    });
    expect(other.statusCode).toBe(200);

    const forged = await admin({
      method: 'POST',
      url: '/api/invitations',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'x@example.org', role: 'viewer' },
    });
    expect(forged.statusCode).toBe(403);
    const own = await admin({
      method: 'POST',
      url: '/api/invitations',
      headers: { origin: 'http://integra.test' },
      payload: { email: 'x@example.org', role: 'viewer' },
    });
    expect(own.statusCode).toBe(201);

    const res = await app.inject('/api/session');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress: '10.9.9.9',
      payload: { email: 'ada@example.org', password: TEST_PASSWORD },
    });
    const cookie = String(([] as string[]).concat(signedIn.headers['set-cookie'] as string[])[0]);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('never sends a stack trace', async () => {
    const res = await admin({ method: 'PATCH', url: '/api/members/not-a-uuid', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .+\.(ts|js):\d+/);
  });

  it('says so when a reset is asked for and this server cannot send email', async () => {
    const organisationId = await ensureDefaultOrganisation(database.db);
    const noMail = await buildApp({ db: database.db, organisationId, webDist: null });
    try {
      const res = await noMail.inject({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        payload: { email: 'ada@example.org', redirectTo: '/reset-password' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toMatch(/cannot send email/);
      expect((await noMail.inject('/api/session')).json().mail).toBe(false);
    } finally {
      await noMail.close();
    }
  });
});
