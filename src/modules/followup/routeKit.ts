/**
 * What the follow-up routes share: their context, parameter schemas, how links and files are
 * made for a request, and reading a multipart report.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Mailer } from '../../lib/mail.js';
import { fileNameOf } from '../../lib/text.js';
import type { AppContext } from '../../server/context.js';
import { Invalid } from '../../server/errors.js';
import { reportSchema } from './model.js';
import { deliverDue } from './outbox.js';

export interface FollowupContext extends AppContext {
  mailer: Mailer;
  secret: string;
  /** INTEGRA_URL; links use the request's own address without it. */
  baseUrl: string | null;
}

export const id = z.string().uuid('not a valid id');
export const roundUnitParams = z.object({ id, unitId: id });
export const listedReport = reportSchema.extend({
  actionNumber: z.string(),
  actionText: z.string(),
  evaluationId: z.string().nullable(),
  evaluationTitle: z.string().nullable(),
  roundId: z.string().nullable(),
});
export const tokenParams = z.object({ token: z.string().max(200) });

/** Helpers of the routes, bound to the context. */
export function routeKit(ctx: FollowupContext) {
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
  return { tags, linkBase, links, deliverSoon, sendFile };
}

/** The fields and the one file of a multipart report. */
export async function readParts(req: FastifyRequest) {
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
