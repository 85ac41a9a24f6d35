/**
 * HTTP edge of follow-up for a person: reminder settings, "my follow-up", the digest and calendars.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileNameOf } from '../../lib/text.js';
import { noContent } from '../../server/replies.js';
import { calendarUrl, evaluationCalendar, personalFeed, renewCalendar, stopCalendar } from './calendar.js';
import { myFollowup, setDigest } from './mine.js';
import { myFollowupSchema, settingsInputSchema, settingsSchema } from './model.js';
import { followupPolicies } from './policies.js';
import { type FollowupContext, id, routeKit } from './routeKit.js';
import { getSettings, saveSettings } from './settings.js';

export function personalRoutes(ctx: FollowupContext): FastifyPluginAsyncZod {
  return async (app) => {
    const { tags, linkBase } = routeKit(ctx);

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
          body: settingsInputSchema,
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
  };
}
