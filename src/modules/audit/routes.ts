/**
 * The routes every soft-deletable record has, registered the same way for evaluations, actions
 * and practices: DELETE (softly, with an optional reason), POST …/restore, GET …/history.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Caller, Policy } from '../../server/caller.js';
import type { AppContext } from '../../server/context.js';
import { noContent } from '../../server/replies.js';
import { historyQuery, historySchema, reasonBody, reasonQuery } from './model.js';
import { historyOf } from './service.js';

export interface RecordLifecycle {
  /** The collection path, e.g. "/evaluations". */
  path: string;
  /** The record's name in summaries, e.g. "evaluation". */
  noun: string;
  tags: string[];
  /** Who deletes and restores; who reads the history. */
  edit: Policy;
  read: Policy;
  remove(caller: Caller, id: string, reason?: string): Promise<void>;
  restore(caller: Caller, id: string, reason?: string): Promise<void>;
  /** The record as its GET answers it, sent back after a restore, and the schema of that reply. */
  reread(caller: Caller, id: string): Promise<unknown>;
  record: z.ZodType;
  /** Throws NotFound unless the record (deleted or not) is the organisation's. */
  assertOwned(organisationId: string, id: string): Promise<void>;
}

const idParams = z.object({ id: z.string().uuid('not a valid id') });

export function registerRecordLifecycle(app: FastifyInstance, ctx: AppContext, r: RecordLifecycle): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.delete(
    `${r.path}/:id`,
    {
      config: { policy: r.edit },
      schema: {
        tags: r.tags,
        summary: `Delete this ${r.noun} softly: an editor can restore it`,
        params: idParams,
        querystring: reasonQuery,
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await r.remove(req.caller, req.params.id, req.query.reason);
      return reply.status(204).send(null);
    },
  );
  api.post(
    `${r.path}/:id/restore`,
    {
      config: { policy: r.edit },
      schema: {
        tags: r.tags,
        summary: `Restore a deleted ${r.noun}`,
        params: idParams,
        body: reasonBody,
        response: { 200: r.record },
      },
    },
    async (req) => {
      await r.restore(req.caller, req.params.id, req.body?.reason);
      return r.reread(req.caller, req.params.id);
    },
  );
  api.get(
    `${r.path}/:id/history`,
    {
      config: { policy: r.read },
      schema: {
        tags: r.tags,
        summary: `Who changed this ${r.noun} and its parts, when, from what to what, and why`,
        params: idParams,
        querystring: historyQuery,
        response: { 200: historySchema },
      },
    },
    async (req) => {
      await r.assertOwned(req.caller.organisationId, req.params.id);
      return historyOf(ctx.db, req.caller.organisationId, req.params.id, req.query);
    },
  );
}
