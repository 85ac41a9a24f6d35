/**
 * Maps every error to `{ error: { code, message, details?, reason?, params? } }` once (`reason` and
 * `params` say the message again for a reader of another language), and never sends a stack trace.
 * Only real server errors (500) are logged, with their stack but without a failed query's
 * parameters (which are the users' data); a client's mistake is answered, not logged.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, fromDatabaseError } from '../errors.js';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send({
        error: {
          code: 'invalid',
          message: 'Some fields are invalid.',
          details: err.validation.map((v) => ({
            path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
            message: v.message ?? 'invalid',
          })),
        },
      });
    }
    const known = err instanceof AppError ? err : fromDatabaseError(err);
    if (known) {
      return reply.status(known.status).send({
        error: {
          code: known.code,
          message: known.message,
          details: known.details,
          reason: known.reason,
          params: known.params,
        },
      });
    }
    if (
      err.statusCode === 413 ||
      err.code === 'FST_REQ_FILE_TOO_LARGE' ||
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
    ) {
      return reply
        .status(413)
        .send({ error: { code: 'too_large', message: 'The upload is larger than Integra accepts.' } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: 'invalid', message: err.message } });
    }
    request.log.error({ err: forLog(err) }, 'request failed');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on the server.' } });
  });
}

/**
 * The router's own refusals (a path with a malformed %-escape, a path parameter too long), which
 * Fastify answers before any route or error handler: for its `frameworkErrors` option.
 */
export function frameworkErrorReply(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  const message =
    err.code === 'FST_ERR_BAD_URL'
      ? 'The address is not valid: it has a malformed %-escape or text that is not UTF-8.'
      : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'A part of the address is too long.'
        : 'The request is not valid.';
  reply.status(status).send({ error: { code: status === 414 ? 'too_large' : 'invalid', message } });
}

/**
 * What is logged of a server error: its type, message and stack, and the code and message of its
 * cause; a failed query gives its SQL but not its parameters.
 */
export function forLog(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const query = (err as { query?: unknown }).query;
  const isQuery = typeof query === 'string' && 'params' in err;
  const message = isQuery ? `Failed query: ${query}` : err.message;
  // A stack starts with the message, which for a failed query holds the parameters: keep the frames.
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  const out: Record<string, unknown> = {
    type: err.name,
    message,
    stack: [`${err.name}: ${message}`, ...frames].join('\n'),
  };
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    out.cause = { type: cause.name, code: (cause as { code?: unknown }).code, message: cause.message };
  }
  return out;
}
