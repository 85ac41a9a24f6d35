/**
 * An organisation's settings over HTTP — its name and default language, which follow-up emails
 * use for people who chose none — and withdrawing invitations.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { testDatabases } from '../../test/databases.js';
import { as, setupAdmin, signedInMember } from '../../test/session.js';
import { auditEvents } from '../audit/schema.js';
import { ensureDefaultOrganisation } from './service.js';

describe.each(testDatabases())('organisation settings on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: ReturnType<typeof as>;
  let editor: ReturnType<typeof as>;

  beforeAll(async () => {
    database = await open();
    const organisationId = await ensureDefaultOrganisation(database.db);
    app = await buildApp({ db: database.db, organisationId, webDist: null, attemptsPerMinute: 50 });
    admin = as(app, await setupAdmin(app));
    editor = as(app, await signedInMember(app, database.db, organisationId, 'editor'));
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('lets an administrator rename the organisation and set its language, kept in the history', async () => {
    expect((await editor('/api/organisation')).json()).toMatchObject({
      name: 'My organisation',
      language: 'en',
    });
    const res = await admin({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { name: 'IOM Mission in Tunisia', language: 'fr', reason: 'Real name at last' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'IOM Mission in Tunisia', language: 'fr' });
    const session = (await editor('/api/session')).json();
    expect(session.organisationLanguage).toBe('fr');
    expect(session.memberships[0].organisationName).toBe('IOM Mission in Tunisia');
    // Follow-up emails to people who chose no language are now written in French.
    expect((await editor('/api/followup/settings')).json().language).toBe('fr');
    const [renamed] = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entity, 'organisation'));
    expect(renamed).toMatchObject({
      operation: 'update',
      before: { name: 'My organisation', language: 'en' },
      after: { name: 'IOM Mission in Tunisia', language: 'fr' },
      reason: 'Real name at last',
    });
  });

  it('keeps the language when the follow-up settings are saved', async () => {
    const settings = (await admin('/api/followup/settings')).json();
    const res = await admin({
      method: 'PUT',
      url: '/api/followup/settings',
      payload: { ...settings, language: 'es', sendHour: 9 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sendHour: 9, language: 'fr' });
  });

  it('refuses an empty name, an unknown language and anyone but an administrator', async () => {
    const empty = await admin({ method: 'PATCH', url: '/api/organisation', payload: { name: '  ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([expect.objectContaining({ path: 'body.name' })]);
    const german = await admin({ method: 'PATCH', url: '/api/organisation', payload: { language: 'de' } });
    expect(german.statusCode).toBe(400);
    const byEditor = await editor({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { name: 'Mine now' },
    });
    expect(byEditor.statusCode).toBe(403);
    expect((await admin('/api/organisation')).json().name).toBe('IOM Mission in Tunisia');
  });

  it('withdraws an invitation: its link stops working and it leaves the members page', async () => {
    const invited = await admin({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'late@example.org', role: 'viewer' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const { id, link } = invited.json();
    const token = link.split('/').pop();
    expect((await app.inject(`/api/invitations/${token}`)).statusCode).toBe(200);
    expect((await editor({ method: 'DELETE', url: `/api/invitations/${id}` })).statusCode).toBe(403);
    const withdrawn = await admin({
      method: 'DELETE',
      url: `/api/invitations/${id}?reason=Sent to the wrong address`,
    });
    expect(withdrawn.statusCode).toBe(204);
    const offer = await app.inject(`/api/invitations/${token}`);
    expect(offer.statusCode).toBe(404);
    expect(offer.json().error.message).toMatch(/withdrawn/);
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { name: 'Late Comer', password: 'a long enough password' },
    });
    expect(accepted.statusCode).toBe(404);
    const members = (await admin('/api/members')).json();
    expect(members.invitations.map((i: { email: string }) => i.email)).not.toContain('late@example.org');
    expect((await admin({ method: 'DELETE', url: `/api/invitations/${id}` })).statusCode).toBe(404);
  });
});
