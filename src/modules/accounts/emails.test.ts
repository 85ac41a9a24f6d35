/**
 * The emails of accounts in the reader's language, through a real SMTP server and decoded as a mail
 * program would: an invitation in the organisation's language, a reset in the person's own.
 */
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createMailer } from '../../lib/mail.js';
import { buildApp } from '../../server/app.js';
import { testDatabases } from '../../test/databases.js';
import { as, setupAdmin } from '../../test/session.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { ensureDefaultOrganisation } from './service.js';

describe.each(testDatabases())('account emails on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let smtp: TestSmtp;
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
    });
    admin = as(app, await setupAdmin(app, 'ada@example.org'));
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.close();
  });

  const read = async (to: string, about?: RegExp) => {
    const mail = await simpleParser((await smtp.mailTo(to, about)).raw);
    return { subject: mail.subject ?? '', text: mail.text ?? '' };
  };

  it('invites in the organisation’s language, the role in words', async () => {
    const renamed = await admin({
      method: 'PATCH',
      url: '/api/organisation',
      payload: { name: 'Ville de Lyon', language: 'fr' },
    });
    expect(renamed.statusCode).toBe(200);
    const res = await admin({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'marie@example.org', role: 'contributor' },
    });
    expect(res.statusCode).toBe(201);
    const mail = await read('marie@example.org');
    expect(mail.subject).toBe('Vous êtes invité·e à rejoindre Ville de Lyon sur Integra');
    expect(mail.text).toContain('en tant que contributeur');
    expect(mail.text).not.toContain('contributor');
    expect(mail.text).toContain(res.json().link);
  });

  it('sends a reset in the language the person chose, Arabic included', async () => {
    const chose = await admin({ method: 'PUT', url: '/api/session/language', payload: { language: 'ar' } });
    expect(chose.statusCode).toBeLessThan(300);
    const asked = await app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: 'ada@example.org', redirectTo: '/reset-password' },
    });
    expect(asked.statusCode).toBe(200);
    const mail = await read('ada@example.org');
    expect(mail.subject).toBe('إعادة تعيين كلمة مرور Integra');
    expect(mail.text).toContain('افتح هذا الرابط خلال ساعة');
    expect(mail.text).toMatch(/http:\/\/integra\.test\/api\/auth\/reset-password\/\S+/);
  });
});
