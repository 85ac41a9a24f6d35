/** Maps every error to `{ error: { code, message, details? } }` once, and never sends a stack trace. */
import type { FastifyError, FastifyInstance } from 'fastify';
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
      return reply
        .status(known.status)
        .send({ error: { code: known.code, message: known.message, details: known.details } });
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
    request.log.error(err);
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on the server.' } });
  });
}
