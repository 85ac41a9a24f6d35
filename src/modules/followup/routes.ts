/**
 * HTTP edge of follow-up: rounds, the reporting page behind a unit's link, validation of reports,
 * reminder settings, "my follow-up", calendars, and closing evaluations.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Mailer } from '../../lib/mail.js';
import { fileNameOf } from '../../lib/text.js';
import type { AppContext } from '../../server/context.js';
import { Invalid, NotFound } from '../../server/errors.js';
import { noContent } from '../../server/replies.js';
import { getEvidence, listReports, reviewReport } from '../actions/reports.js';
import { closeEvaluation, closureProposals, reopenEvaluation } from '../evaluations/closure.js';
import { calendarUrl, evaluationCalendar, personalFeed, renewCalendar, stopCalendar } from './calendar.js';
import { myFollowup, setDigest } from './mine.js';
import {
  closeInputSchema,
  closureProposalSchema,
  myFollowupSchema,
  reportSchema,
  respondInputSchema,
  respondPageSchema,
  returnInputSchema,
  roundDetailSchema,
  roundInputSchema,
  roundPreviewSchema,
  roundSummarySchema,
  settingsSchema,
} from './model.js';
import { deliverDue } from './outbox.js';
import { followupPolicies } from './policies.js';
import { evidenceOfLink, openLink, respondPage, submitReport } from './respond.js';
import {
  closeRound,
  getRound,
  listRounds,
  openRound,
  previewRound,
  resendToUnit,
  revokeLink,
} from './rounds.js';
import { getSettings, saveSettings } from './settings.js';

export interface FollowupContext extends AppContext {
  mailer: Mailer;
  secret: string;
  /** INTEGRA_URL; links use the request's own address without it. */
  baseUrl: string | null;
}

const id = z.string().uuid('not a valid id');
const roundUnitParams = z.object({ id, unitId: id });
const listedReport = reportSchema.extend({
  actionNumber: z.string(),
  actionText: z.string(),
  evaluationId: z.string().nullable(),
  evaluationTitle: z.string().nullable(),
  roundId: z.string().nullable(),
});
const tokenParams = z.object({ token: z.string().max(200) });

export function followupRoutes(ctx: FollowupContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['follow-up'];
    const linkBase = (req: FastifyRequest) =>
      ctx.baseUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
    const links = (req: FastifyRequest) => ({
      secret: ctx.secret,
      linkBase: linkBase(req),
      mail: ctx.mailer.configured,
      today: ctx.today(),
    });
    /** Sends what was just queued without waiting for the scheduler's next turn. */
    const deliverSoon = (req: FastifyRequest) =>
      void deliverDue(ctx.db, ctx.mailer).catch((err) => req.log.error(err));
    const sendFile = (
      reply: FastifyReply,
      e: { fileName: string | null; contentType: string | null; data: Uint8Array | null; url: string | null },
    ) => {
      if (e.url) return reply.redirect(e.url);
      const name = fileNameOf(e.fileName ?? 'evidence', 'evidence');
      return reply
        .header('content-type', e.contentType ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Buffer.from(e.data ?? new Uint8Array()));
    };

    app.get(
      '/rounds',
      {
        config: { policy: followupPolicies.read },
        schema: {
          tags,
          summary: 'Follow-up rounds, newest first',
          response: { 200: z.object({ items: z.array(roundSummarySchema) }) },
        },
      },
      async (req) => ({ items: await listRounds(ctx.db, req.caller.organisationId, ctx.today()) }),
    );

    app.post(
      '/rounds/preview',
      {
        config: { policy: followupPolicies.manage },
        schema: {
          tags,
          summary: 'What opening a round would do (nothing is written)',
          body: roundInputSchema,
          response: { 200: roundPreviewSchema },
        },
      },
      async (req) => (await previewRound(ctx.db, req.caller.organisationId, req.body, links(req))).preview,
    );

    app.post(
      '/rounds',
      {
        config: { policy: followupPolicies.manage },
        schema: {
          tags,
          summary: 'Open a round: every unit with open actions is emailed its link',
          body: roundInputSchema,
          response: { 201: roundDetailSchema },
        },
      },
      async (req, reply) => {
        const roundId = await openRound(ctx.db, req.caller, req.body, links(req));
        deliverSoon(req);
        return reply.status(201).send(await getRound(ctx.db, req.caller.organisationId, roundId, links(req)));
      },
    );

    app.get(
      '/rounds/:id',
      {
        config: { policy: followupPolicies.read },
        schema: {
          tags,
          summary: 'A round, unit by unit',
          params: z.object({ id }),
          response: { 200: roundDetailSchema },
        },
      },
      async (req) => getRound(ctx.db, req.caller.organisationId, req.params.id, links(req)),
    );

    for (const verb of ['resend', 'revoke'] as const) {
      app.post(
        `/rounds/:id/units/:unitId/${verb}`,
        {
          config: { policy: followupPolicies.manage },
          schema: {
            tags,
            summary:
              verb === 'resend'
                ? 'Email a unit its link again'
                : 'Revoke a unit’s link (a new one replaces it)',
            params: roundUnitParams,
            response: { 200: roundDetailSchema.shape.unitsAsked.element },
          },
        },
        async (req) => {
          const { id: roundId, unitId } = req.params;
          if (verb === 'resend') {
            await resendToUnit(ctx.db, req.caller, roundId, unitId, links(req));
            deliverSoon(req);
          } else {
            await revokeLink(ctx.db, req.caller, roundId, unitId);
          }
          const round = await getRound(ctx.db, req.caller.organisationId, roundId, links(req));
          const unit = round.unitsAsked.find((u) => u.unitId === unitId);
          if (!unit) throw new NotFound('unit in this round');
          return unit;
        },
      );
    }

    app.post(
      '/rounds/:id/close',
      {
        config: { policy: followupPolicies.manage },
        schema: {
          tags,
          summary: 'Close a round: its links stop working',
          params: z.object({ id }),
          response: { 200: roundDetailSchema },
        },
      },
      async (req) => {
        await closeRound(ctx.db, req.caller, req.params.id);
        return getRound(ctx.db, req.caller.organisationId, req.params.id, links(req));
      },
    );

    // ---- reports and their validation ----

    app.get(
      '/reports',
      {
        config: { policy: followupPolicies.read },
        schema: {
          tags,
          summary: 'Reports of units (newest first), e.g. those waiting for validation',
          querystring: z.object({
            state: z.enum(['reported', 'validated', 'returned']).optional(),
            roundId: id.optional(),
            evaluationId: id.optional(),
          }),
          response: { 200: z.object({ items: z.array(listedReport) }) },
        },
      },
      async (req) => ({ items: await listReports(ctx.db, req.caller.organisationId, req.query) }),
    );

    for (const verb of ['validate', 'return'] as const) {
      app.post(
        `/progress-updates/:id/${verb}`,
        {
          config: { policy: followupPolicies.manage },
          schema: {
            tags,
            summary:
              verb === 'validate'
                ? 'Validate a unit’s report (its status change is applied)'
                : 'Return a report to its unit with a comment',
            params: z.object({ id }),
            body: verb === 'return' ? returnInputSchema : z.object({}).strict().optional(),
            response: { 200: listedReport },
          },
        },
        async (req) => {
          const body = req.body as { comment?: string } | undefined;
          await ctx.db.transaction((tx) =>
            reviewReport(
              tx,
              req.caller,
              req.params.id,
              verb === 'validate' ? { validate: true } : { validate: false, comment: body?.comment ?? '' },
            ),
          );
          const [report] = (await listReports(ctx.db, req.caller.organisationId, {})).filter(
            (r) => r.id === req.params.id,
          );
          return report;
        },
      );
    }

    app.get(
      '/evidence/:id',
      {
        config: { policy: followupPolicies.read },
        schema: { tags, summary: 'Download an evidence file', params: z.object({ id }) },
      },
      async (req, reply) =>
        sendFile(reply, await getEvidence(ctx.db, req.caller.organisationId, req.params.id)),
    );

    // ---- the page behind a unit's link ----

    app.get(
      '/respond/:token',
      {
        config: { policy: followupPolicies.public },
        schema: {
          tags,
          summary: 'The actions a unit is asked about in a round (no account needed)',
          params: tokenParams,
          response: { 200: respondPageSchema },
        },
      },
      async (req) => respondPage(ctx.db, await openLink(ctx.db, ctx.secret, req.params.token), ctx.today()),
    );

    app.post(
      '/respond/:token/actions/:actionId',
      {
        config: { policy: followupPolicies.public },
        schema: {
          tags,
          summary:
            'Report on an action: status, comment, evidence (multipart with an optional file "evidence", or JSON)',
          consumes: ['multipart/form-data', 'application/json'],
          params: tokenParams.extend({ actionId: id }),
          response: { 200: respondPageSchema },
        },
      },
      async (req) => {
        const opened = await openLink(ctx.db, ctx.secret, req.params.token);
        const { fields, file } = req.isMultipart()
          ? await readParts(req)
          : { fields: (req.body ?? {}) as Record<string, unknown>, file: null };
        const parsed = respondInputSchema.safeParse(
          Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '' && v !== undefined)),
        );
        if (!parsed.success) {
          throw new Invalid(
            'Some fields are invalid; nothing was saved.',
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        }
        await submitReport(
          ctx.db,
          opened,
          req.params.actionId,
          { ...parsed.data, file },
          req.caller.user,
          ctx.today(),
        );
        return respondPage(ctx.db, opened, ctx.today());
      },
    );

    app.get(
      '/respond/:token/evidence/:evidenceId',
      {
        config: { policy: followupPolicies.public },
        schema: {
          tags,
          summary: 'An evidence file the unit sent',
          params: tokenParams.extend({ evidenceId: id }),
        },
      },
      async (req, reply) =>
        sendFile(
          reply,
          await evidenceOfLink(
            ctx.db,
            await openLink(ctx.db, ctx.secret, req.params.token),
            req.params.evidenceId,
          ),
        ),
    );

    // ---- settings, my follow-up, calendars ----

    app.get(
      '/followup/settings',
      {
        config: { policy: followupPolicies.read },
        schema: { tags, summary: 'Reminder timing and closure', response: { 200: settingsSchema } },
      },
      async (req) => getSettings(ctx.db, req.caller.organisationId),
    );
    app.put(
      '/followup/settings',
      {
        config: { policy: followupPolicies.settings },
        schema: {
          tags,
          summary: 'Change reminder timing and closure',
          body: settingsSchema,
          response: { 200: settingsSchema },
        },
      },
      async (req) => saveSettings(ctx.db, req.caller, req.body),
    );

    app.get(
      '/followup/mine',
      {
        config: { policy: followupPolicies.read },
        schema: { tags, summary: 'What I and my units owe', response: { 200: myFollowupSchema } },
      },
      async (req) =>
        myFollowup(ctx.db, req.caller, { secret: ctx.secret, linkBase: linkBase(req), today: ctx.today() }),
    );
    app.put(
      '/followup/digest',
      {
        config: { policy: followupPolicies.read },
        schema: {
          tags,
          summary: 'Ask for (or stop) the weekly digest',
          body: z.object({ enabled: z.boolean() }).strict(),
          response: { 200: z.object({ enabled: z.boolean() }) },
        },
      },
      async (req) => {
        await setDigest(ctx.db, req.caller, req.body.enabled);
        return { enabled: req.body.enabled };
      },
    );
    app.post(
      '/followup/calendar',
      {
        config: { policy: followupPolicies.read },
        schema: {
          tags,
          summary: 'A new personal calendar address (the old one stops)',
          response: { 200: z.object({ url: z.string() }) },
        },
      },
      async (req) => ({
        url: await renewCalendar(
          ctx.db,
          ctx.secret,
          linkBase(req),
          req.caller.organisationId,
          req.caller.user!.id,
        ),
      }),
    );
    app.get(
      '/followup/calendar',
      {
        config: { policy: followupPolicies.read },
        schema: {
          tags,
          summary: 'My calendar address, if I made one',
          response: { 200: z.object({ url: z.string().nullable() }) },
        },
      },
      async (req) => ({
        url: await calendarUrl(
          ctx.db,
          ctx.secret,
          linkBase(req),
          req.caller.organisationId,
          req.caller.user!.id,
        ),
      }),
    );
    app.delete(
      '/followup/calendar',
      {
        config: { policy: followupPolicies.read },
        schema: { tags, summary: 'Stop my calendar address', response: { 204: noContent } },
      },
      async (req, reply) => {
        await stopCalendar(ctx.db, req.caller.organisationId, req.caller.user!.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/calendar/:token',
      {
        config: { policy: followupPolicies.public },
        schema: {
          tags,
          summary: 'A personal calendar feed (iCalendar)',
          params: z.object({ token: z.string().regex(/^[\w-]{20,100}\.ics$/, 'not a calendar address') }),
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .send(await personalFeed(ctx.db, req.params.token.replace(/\.ics$/, ''))),
    );
    app.get(
      '/evaluations/:id/deadlines.ics',
      {
        config: { policy: followupPolicies.read },
        schema: { tags, summary: 'The evaluation’s deadlines as a calendar file', params: z.object({ id }) },
      },
      async (req, reply) => {
        const { title, text } = await evaluationCalendar(
          ctx.db,
          req.caller.organisationId,
          req.params.id,
          ctx.today(),
        );
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileNameOf(title, 'deadlines')}.ics"`)
          .send(text);
      },
    );

    // ---- closing evaluations ----

    app.get(
      '/evaluations/closure-proposals',
      {
        config: { policy: followupPolicies.read },
        schema: {
          tags,
          summary: 'Evaluations still open long after publication',
          response: { 200: z.object({ items: z.array(closureProposalSchema) }) },
        },
      },
      async (req) => {
        const { closureMonths } = await getSettings(ctx.db, req.caller.organisationId);
        return {
          items: await closureProposals(ctx.db, req.caller.organisationId, closureMonths, ctx.today()),
        };
      },
    );
    app.post(
      '/evaluations/:id/close',
      {
        config: { policy: followupPolicies.manage },
        schema: {
          tags,
          summary: 'Close an evaluation (read-only, with a closing note)',
          params: z.object({ id }),
          body: closeInputSchema,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await closeEvaluation(ctx.db, req.caller, req.params.id, req.body.note);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/evaluations/:id/reopen',
      {
        config: { policy: followupPolicies.manage },
        schema: {
          tags,
          summary: 'Reopen a closed evaluation',
          params: z.object({ id }),
          body: z
            .object({ reason: z.string().trim().max(2_000).optional() })
            .strict()
            .optional(),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await reopenEvaluation(ctx.db, req.caller, req.params.id, req.body?.reason);
        return reply.status(204).send(null);
      },
    );
  };
}

/** The fields and the one file of a multipart report. */
async function readParts(req: FastifyRequest) {
  const fields: Record<string, unknown> = {};
  let file: { name: string; data: Uint8Array } | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.fieldname !== 'evidence')
        throw new Invalid(`Unexpected file field "${part.fieldname}": send the file as "evidence".`);
      if (data.byteLength > 0 || part.filename) file = { name: part.filename || 'evidence', data };
    } else if (part.fieldname in fields) {
      throw new Invalid(`The field "${part.fieldname}" was given twice.`);
    } else if (['status', 'comment', 'link', 'author'].includes(part.fieldname)) {
      fields[part.fieldname] = part.value;
    } else {
      throw new Invalid(`Unexpected field "${part.fieldname}".`);
    }
  }
  if (file && file.data.byteLength === 0) file = null;
  return { fields, file };
}
