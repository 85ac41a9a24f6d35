/**
 * Follow-up over HTTP, as the web app and a focal point's browser use it: opening a round without
 * SMTP (links to copy), reporting with evidence through a link (and the refusals), validation by
 * editors only, calendars, and closing an evaluation.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { systemCaller } from '../../server/caller.js';
import { testDatabases } from '../../test/databases.js';
import { sampleEvaluation, sampleRecommendation } from '../../test/evaluations.js';
import { as, setupAdmin, signedInMember } from '../../test/session.js';
import { ensureDefaultOrganisation } from '../accounts/service.js';
import { saveEvaluation } from '../evaluations/service.js';
import { createUnit } from '../units/service.js';
import { EVIDENCE_MAX_BYTES } from './model.js';

const TODAY = '2026-11-26';

/** A multipart body with fields and an optional file "evidence". */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = '----integra-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(testDatabases())('follow-up over HTTP on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: ReturnType<typeof as>;
  let evaluationId: string;
  let cityUnit: string;
  let link: string;
  let roundId: string;

  beforeAll(async () => {
    database = await open();
    const org = await ensureDefaultOrganisation(database.db);
    app = await buildApp({
      db: database.db,
      organisationId: org,
      secret: 'routes test secret',
      today: () => TODAY,
      webDist: null,
    });
    admin = as(app, await setupAdmin(app));
    const caller = systemCaller(org);
    cityUnit = (
      await createUnit(database.db, caller, {
        name: 'City coordinators',
        aliases: [],
        focalPoints: [{ email: 'city@example.org' }],
      })
    ).id;
    evaluationId = (
      await saveEvaluation(
        database.db,
        caller,
        sampleEvaluation({
          publishedOn: '2025-01-31',
          recommendations: [
            sampleRecommendation({
              actions: [1, 2].map((n) => ({
                number: `1.${n}`,
                text: `Action 1.${n}`,
                timeframe: 'Q1 2027',
                due: { from: '2027-01-01', to: '2027-03-31', inferred: false },
                responsible: 'City coordinators',
                fundingConditional: false,
                status: null,
                comments: null,
                unitIds: [cityUnit],
              })),
            }),
          ],
        }),
      )
    ).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('opens a round without SMTP: says no email can go out and gives the links to copy', async () => {
    const body = { name: 'Time 2', dueOn: '2027-01-15', evaluationIds: [evaluationId] };
    const preview = await admin({ method: 'POST', url: '/api/rounds/preview', payload: body });
    expect(preview.json()).toMatchObject({
      mail: false,
      problems: [],
      units: [{ name: 'City coordinators', actions: 2 }],
    });
    const past = await admin({
      method: 'POST',
      url: '/api/rounds',
      payload: { ...body, dueOn: '2026-01-01' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].message).toContain('already passed');
    const res = await admin({ method: 'POST', url: '/api/rounds', payload: body });
    expect(res.statusCode).toBe(201);
    const round = res.json();
    roundId = round.id;
    expect(round.mail).toBe(false);
    expect(round.unitsAsked[0]).toMatchObject({
      name: 'City coordinators',
      actions: 2,
      askedAt: null,
      deliveries: [],
    });
    link = round.unitsAsked[0].link;
    expect(link).toMatch(/^http:\/\/localhost(:\d+)?\/respond\/[\w.-]+$/);
    const resend = await admin({ method: 'POST', url: `/api/rounds/${roundId}/units/${cityUnit}/resend` });
    expect(resend.statusCode).toBe(503);
  });

  it('takes a report with a file from the link, and refuses what it cannot keep', async () => {
    const token = link.split('/respond/')[1];
    const visitor = as(app, null);
    const page = await visitor(`/api/respond/${token}`);
    expect(page.statusCode).toBe(200);
    const [first, second] = page.json().actions;
    const post = (actionId: string, body: ReturnType<typeof multipart>) =>
      visitor({ method: 'POST', url: `/api/respond/${token}/actions/${actionId}`, ...body });

    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 32)]);
    const ok = await post(
      first.id,
      multipart(
        { status: 'completed', comment: 'Done in May', author: 'Carla' },
        { name: 'sheet.pdf', data: pdf },
      ),
    );
    expect(ok.statusCode).toBe(200);
    const reported = ok.json().actions[0].lastReport;
    expect(reported).toMatchObject({ state: 'reported', statusTo: 'completed', author: 'Carla' });
    const evidence = await visitor(`/api/respond/${token}/evidence/${reported.evidence[0].id}`);
    expect(evidence.statusCode).toBe(200);
    expect(evidence.rawPayload.equals(pdf)).toBe(true);

    const count = async () => (await admin(`/api/reports?roundId=${roundId}`)).json().items.length;
    const before = await count();
    const big = await post(
      second.id,
      multipart(
        { comment: 'x', author: 'Carla' },
        { name: 'big.pdf', data: Buffer.concat([pdf, Buffer.alloc(EVIDENCE_MAX_BYTES)]) },
      ),
    );
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'too_large']);
    const exe = await post(
      second.id,
      multipart({ comment: 'x', author: 'Carla' }, { name: 'tool.exe', data: Buffer.from('MZ...') }),
    );
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, 'unsupported_type']);
    expect(exe.json().error.message).toContain('Accepted: pdf');
    const fake = await post(
      second.id,
      multipart({ comment: 'x', author: 'Carla' }, { name: 'report.pdf', data: Buffer.from('<html>') }),
    );
    expect(fake.statusCode).toBe(415);
    const badStatus = await post(second.id, multipart({ status: 'finished', author: 'Carla' }));
    expect(badStatus.statusCode).toBe(400);
    const noName = await post(second.id, multipart({ comment: 'Started' }));
    expect(noName.json().error.details[0].path).toBe('author');
    expect(await count()).toBe(before); // nothing half-saved

    // Change the signature's last character (to one it is not, so the token really differs).
    const tampered = await visitor(`/api/respond/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    expect([tampered.statusCode, tampered.json().error.code]).toEqual([404, 'link_invalid']);
  });

  it('lets editors validate or return reports, and no one else', async () => {
    const reports = (await admin(`/api/reports?state=reported&roundId=${roundId}`)).json().items;
    expect(reports).toHaveLength(1);
    const viewer = as(
      app,
      await signedInMember(app, database.db, (await admin('/api/session')).json().organisationId, 'viewer'),
    );
    expect(
      (await viewer({ method: 'POST', url: `/api/progress-updates/${reports[0].id}/validate`, payload: {} }))
        .statusCode,
    ).toBe(403);
    const returned = await admin({
      method: 'POST',
      url: `/api/progress-updates/${reports[0].id}/return`,
      payload: { comment: 'Attach the attendance list' },
    });
    expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: 'Attach the attendance list' });
    // Only reports still waiting are listed as waiting (state filter with the reports-of-units rule).
    expect((await admin(`/api/reports?state=reported&evaluationId=${evaluationId}`)).json().items).toEqual(
      [],
    );
    const matrix = (await admin(`/api/evaluations/${evaluationId}`)).json();
    expect(matrix.recommendations[0].actions[0].status).toBe('not_initiated');
    expect(matrix.recommendations[0].actions[0].updates[0]).toMatchObject({ state: 'returned' });
  });

  it('gives a member a calendar address that lists the due windows, and replaces it', async () => {
    const org = (await admin('/api/session')).json().organisationId;
    const member = as(app, await signedInMember(app, database.db, org, 'contributor', 'City coordinators'));
    // The language a person chooses is remembered (their emails are written in it).
    expect(
      (await member({ method: 'PUT', url: '/api/session/language', payload: { language: 'fr' } })).statusCode,
    ).toBe(200);
    expect((await member('/api/session')).json().language).toBe('fr');
    // Arabic is an app language too (emails then follow the organisation's language).
    expect(
      (await member({ method: 'PUT', url: '/api/session/language', payload: { language: 'ar' } })).statusCode,
    ).toBe(200);
    expect((await member('/api/session')).json().language).toBe('ar');
    await member({ method: 'PUT', url: '/api/session/language', payload: { language: 'fr' } });
    expect(
      (await member({ method: 'PUT', url: '/api/session/language', payload: { language: 'xx' } })).statusCode,
    ).toBe(400);
    expect(
      (await as(app, null)({ method: 'PUT', url: '/api/session/language', payload: { language: 'fr' } }))
        .statusCode,
    ).toBe(401);
    const { url } = (await member({ method: 'POST', url: '/api/followup/calendar' })).json();
    const path = new URL(url).pathname;
    const feed = await as(app, null)(path);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('DTSTART;VALUE=DATE:20270331');
    expect(feed.body).toContain('Follow-up Time 2');
    expect((await member('/api/followup/mine')).json()).toMatchObject({
      units: [{ name: 'City coordinators' }],
      calendarUrl: url,
      rounds: [{ name: 'Time 2', actions: 2 }],
    });
    await member({ method: 'POST', url: '/api/followup/calendar' });
    expect((await as(app, null)(path)).statusCode).toBe(404);
    const ics = await admin(`/api/evaluations/${evaluationId}/deadlines.ics`);
    expect(ics.headers['content-disposition']).toContain('.ics');
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(3); // two actions and the round
  });

  it('proposes an evaluation open 15 months for closure; a closed one is read-only until reopened', async () => {
    const proposals = (await admin('/api/evaluations/closure-proposals')).json().items;
    expect(proposals).toEqual([
      expect.objectContaining({ id: evaluationId, monthsOpen: 21, openActions: 2 }),
    ]);
    expect(
      (await admin({ method: 'POST', url: `/api/evaluations/${evaluationId}/close`, payload: {} }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await admin({
          method: 'POST',
          url: `/api/evaluations/${evaluationId}/close`,
          payload: { note: 'Superseded by the 2027 programme.' },
        })
      ).statusCode,
    ).toBe(204);
    const edit = await admin({
      method: 'PATCH',
      url: `/api/evaluations/${evaluationId}`,
      payload: { title: 'New title' },
    });
    expect([edit.statusCode, edit.json().error.code]).toEqual([409, 'conflict']);
    const matrix = (await admin(`/api/evaluations/${evaluationId}`)).json();
    expect(matrix).toMatchObject({
      closingNote: 'Superseded by the 2027 programme.',
      closedBy: expect.stringContaining('Ada Admin'),
    });
    expect((await admin('/api/evaluations/closure-proposals')).json().items).toEqual([]);
    expect(
      (await admin({ method: 'POST', url: `/api/evaluations/${evaluationId}/reopen`, payload: {} }))
        .statusCode,
    ).toBe(204);
    expect(
      (
        await admin({
          method: 'PATCH',
          url: `/api/evaluations/${evaluationId}`,
          payload: { title: 'New title' },
        })
      ).statusCode,
    ).toBe(200);
  });
});
