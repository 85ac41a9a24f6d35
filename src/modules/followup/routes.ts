/**
 * HTTP edge of follow-up rounds: opening and running rounds, the reports units send and their
 * validation, and the page behind a unit's link. `followupRoutes` registers every follow-up route:
 * these, a person's settings and calendars (personalRoutes.ts) and closing evaluations
 * (closureRoutes.ts), sharing routeKit.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Invalid, NotFound } from '../../server/errors.js';
import { getEvidence, listReports, reviewReport } from '../actions/reports.js';
import { closureRoutes } from './closureRoutes.js';
import {
  respondInputSchema,
  respondPageSchema,
  returnInputSchema,
  roundDetailSchema,
  roundInputSchema,
  roundPreviewSchema,
  roundSummarySchema,
} from './model.js';
import { personalRoutes } from './personalRoutes.js';
import { followupPolicies } from './policies.js';
import { evidenceOfLink, openLink, respondPage, submitReport } from './respond.js';
import { getRound, listRounds } from './roundStatus.js';
import { closeRound, openRound, previewRound, resendToUnit, revokeLink } from './rounds.js';
import {
  type FollowupContext,
  id,
  listedReport,
  readParts,
  roundUnitParams,
  routeKit,
  tokenParams,
} from './routeKit.js';
import { replaceUnitLink, unitLink } from './unitLinks.js';

export type { FollowupContext } from './routeKit.js';

export function roundRoutes(ctx: FollowupContext): FastifyPluginAsyncZod {
  return async (app) => {
    const { tags, links, deliverSoon, sendFile } = routeKit(ctx);

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

    // ---- a unit's standing link (for reminders outside rounds) ----

    const linkSchema = z.object({ link: z.string() });
    app.get(
      '/units/:id/link',
      {
        config: { policy: followupPolicies.manage },
        schema: {
          tags,
          summary: 'The unit’s standing link: its open actions, to report on without an account',
          params: z.object({ id }),
          response: { 200: linkSchema },
        },
      },
      async (req) => unitLink(ctx.db, req.caller.organisationId, req.params.id, links(req)),
    );

    app.post(
      '/units/:id/link/replace',
      {
        config: { policy: followupPolicies.manage },
        schema: {
          tags,
          summary: 'Revoke the unit’s standing link; a new one replaces it',
          params: z.object({ id }),
          response: { 200: linkSchema },
        },
      },
      async (req) => replaceUnitLink(ctx.db, req.caller, req.params.id, links(req)),
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
  };
}

/** Every follow-up route: rounds and reports, personal settings and calendars, closing evaluations. */
export function followupRoutes(ctx: FollowupContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(roundRoutes(ctx));
    await app.register(personalRoutes(ctx));
    await app.register(closureRoutes(ctx));
  };
}
