/**
 * The outbox's promise: no email is sent twice — not when the sending process is killed mid-send,
 * not when two processes share one PostgreSQL server — and refusals are kept to be shown.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, openDatabase } from '../../db/client.js';
import { createMailer } from '../../lib/mail.js';
import { systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { sampleEvaluation, sampleRecommendation } from '../../test/evaluations.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { ROOT } from '../../test/spawn.js';
import { ensureDefaultOrganisation } from '../accounts/service.js';
import { saveEvaluation } from '../evaluations/service.js';
import { createUnit } from '../units/service.js';
import { deliverDue, enqueue, markInterrupted } from './outbox.js';
import { runFollowup } from './reminders.js';
import { getRound } from './roundStatus.js';
import { openRound } from './rounds.js';
import { outbox } from './schema.js';

const LINKS = { secret: 'delivery test secret', linkBase: 'http://integra.test' };

/** An organisation with two units and an evaluation due in the far future; returns what a round needs. */
async function seed(db: Db, emails: { city: string[]; comms: string[] }) {
  const org = await ensureDefaultOrganisation(db);
  const caller = systemCaller(org);
  const unit = (name: string, list: string[]) =>
    createUnit(db, caller, { name, aliases: [], focalPoints: list.map((email) => ({ email })) });
  const city = await unit('City coordinators', emails.city);
  const comms = await unit('Communication unit', emails.comms);
  const act = (number: string, unitId: string) => ({
    number,
    text: `Action ${number}`,
    timeframe: 'By 2099',
    due: { from: null, to: '2099-12-31', inferred: false },
    responsible: null,
    fundingConditional: false,
    status: null,
    comments: null,
    unitIds: [unitId],
  });
  const { id } = await saveEvaluation(
    db,
    caller,
    sampleEvaluation({
      title: 'Long-term programme',
      recommendations: [
        sampleRecommendation({
          text: 'Keep going.',
          priority: null,
          actions: [act('1.1', city.id), act('1.2', comms.id)],
        }),
      ],
    }),
  );
  const roundId = await openRound(
    db,
    caller,
    { name: 'Time 2', dueOn: '2099-01-15', evaluationIds: [id] },
    {
      ...LINKS,
      mail: true,
      today: '2026-11-26',
    },
  );
  return { org, roundId };
}

/** An SMTP server that takes the envelope and then never answers the message: a send in progress. */
async function stallingSmtp() {
  let started: () => void = () => undefined;
  const receiving = new Promise<void>((r) => {
    started = r;
  });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream) {
      stream.resume();
      started();
    },
  });
  // The killed sender's connection resets: expected here, not an error of the test.
  server.on('error', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    receiving,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('an email in doubt is never sent again', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it('leaves the message a killed `followup run` was sending as interrupted, and sends the others once', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'integra-outbox-'));
    try {
      let database = await openDatabase({ dataDir: folder });
      const { org, roundId } = await seed(database.db, {
        city: ['city@example.org'],
        comms: ['comms@example.org'],
      });
      await database.close();

      const stalling = await stallingSmtp();
      const child: ChildProcess = spawn(process.execPath, ['bin/integra.js', 'followup', 'run'], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: '',
          INTEGRA_DATA: folder,
          SMTP_URL: stalling.url,
          INTEGRA_SECRET: LINKS.secret,
        },
        stdio: 'ignore',
      });
      const exited = new Promise((r) => child.once('exit', r));
      await stalling.receiving; // the first message is being handed to SMTP
      child.kill('SIGKILL');
      await exited;
      await stalling.close();

      database = await openDatabase({ dataDir: folder }); // takes over the dead process's folder
      expect(await markInterrupted(database.db, 0)).toBe(1);
      expect(await deliverDue(database.db, createMailer(smtp.url))).toEqual({ sent: 1, failed: 0 });
      expect(await deliverDue(database.db, createMailer(smtp.url))).toEqual({ sent: 0, failed: 0 });
      const statuses = (await database.db.select({ status: outbox.status }).from(outbox))
        .map((r) => r.status)
        .sort();
      expect(statuses).toEqual(['interrupted', 'sent']);
      expect(smtp.received).toHaveLength(1);
      const round = await getRound(database.db, org, roundId, { ...LINKS, mail: true, today: '2026-11-26' });
      const interrupted = round.unitsAsked
        .flatMap((u) => u.deliveries)
        .find((d) => d.status === 'interrupted');
      expect(interrupted?.error).toContain('may not have been sent');
      await database.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.each(testDatabases())('deliveries on $name', ({ open }) => {
  let database: Database;
  let smtp: TestSmtp;
  beforeAll(async () => {
    database = await open();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await database?.close();
    await smtp?.close();
  });

  it('keeps the mail server’s refusals with the message, to show on the round page', async () => {
    smtp.refuse.add('gone@example.org');
    smtp.refuse.add('left@example.org');
    const { org, roundId } = await seed(database.db, {
      city: ['gone@example.org', 'here@example.org'],
      comms: ['left@example.org'],
    });
    expect(await deliverDue(database.db, createMailer(smtp.url))).toEqual({ sent: 1, failed: 1 });
    const round = await getRound(database.db, org, roundId, { ...LINKS, mail: true, today: '2026-11-26' });
    const [city, comms] = round.unitsAsked;
    expect(city.deliveries[0]).toMatchObject({
      status: 'sent',
      error: 'Refused by the mail server for gone@example.org',
    });
    expect(city.askedAt).not.toBeNull();
    expect(comms.deliveries[0].status).toBe('failed');
    expect(comms.deliveries[0].error).toMatch(/550|Mailbox unavailable/);
    expect(comms.askedAt).toBeNull();
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('two processes on one PostgreSQL server', () => {
  // Read inside the hooks: without TEST_DATABASE_URL this block is skipped, and its body must not fail.
  const server = process.env.TEST_DATABASE_URL ?? '';
  const name = `integra_test_${randomBytes(6).toString('hex')}`;
  let a: Database;
  let b: Database;
  let smtp: TestSmtp;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    [a, b] = [await openDatabase({ url: url.toString() }), await openDatabase({ url: url.toString() })];
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await smtp?.close();
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('sends each message once when two processes deliver and plan at the same time', async () => {
    const { org } = await seed(a.db, { city: ['city@example.org'], comms: ['comms@example.org'] });
    for (let i = 0; i < 40; i++) {
      await enqueue(a.db, {
        organisationId: org,
        kind: 'digest',
        to: [`person${i}@example.org`],
        language: 'en',
        subject: `Digest ${i}`,
        body: 'What you owe.',
        unitName: null,
        evaluationTitle: null,
        actionNumbers: [],
        keys: [`test:${i}`],
      });
    }
    const mailer = createMailer(smtp.url);
    // Reminders due (the round is due in 2099; plan as on its due-soon day) and the outbox, both at once.
    const at = { ...LINKS, today: '2099-01-10' };
    const [ra, rb] = await Promise.all([
      runFollowup(a.db, mailer, new Date(), at),
      runFollowup(b.db, mailer, new Date(), at),
    ]);
    expect(ra.queued + rb.queued).toBe(2); // one due-soon reminder per unit, planned by one process
    expect(ra.sent + rb.sent).toBe(44); // 40 digests, 2 round emails, 2 reminders
    const recipients = smtp.received.map((m) => `${m.to.join()} ${/Subject: (.*)/.exec(m.text)?.[1]}`);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients).toHaveLength(44);
  });
});
