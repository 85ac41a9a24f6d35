/**
 * Public management-response pages (opt-in per evaluation, as UNDP's Evaluation Resource Centre and
 * UN Women's GATE publish them): recommendations, responses and key actions with their status,
 * each stamped "added" and "last updated". No names (evaluators, owners, who reported progress)
 * and no comments leave the organisation.
 */
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { NotFound } from '../../server/errors.js';
import { organisations } from '../accounts/schema.js';
import { publicActionsOf } from '../actions/service.js';
import { recordChange } from '../audit/service.js';
import { evaluations, recommendations } from '../evaluations/schema.js';

export interface PublicResponse {
  id: string;
  organisation: string;
  title: string;
  year: number | null;
  period: string | null;
  publishedOn: string | null;
  added: string;
  lastUpdated: string;
  recommendations: {
    number: string;
    text: string;
    priority: number | null;
    response: string | null;
    responseText: string | null;
    lastUpdated: string;
    actions: {
      number: string;
      text: string;
      timeframe: string | null;
      dueTo: string | null;
      status: string;
      noActionNeeded: boolean;
      added: string;
      lastUpdated: string;
    }[];
  }[];
}

/** Publishes an evaluation's management response, or takes it back. */
export async function setResponsePublic(db: Db, caller: Caller, evaluationId: string, published: boolean) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ at: evaluations.responsePublishedAt })
      .from(evaluations)
      .where(
        and(
          eq(evaluations.id, evaluationId),
          eq(evaluations.organisationId, caller.organisationId),
          isNull(evaluations.deletedAt),
        ),
      );
    if (!before) throw new NotFound('evaluation');
    if (Boolean(before.at) === published) return { publishedAt: before.at };
    const [after] = await tx
      .update(evaluations)
      .set({ responsePublishedAt: published ? (sql`now()` as unknown as string) : null })
      .where(eq(evaluations.id, evaluationId))
      .returning({ at: evaluations.responsePublishedAt });
    await recordChange(tx, caller, {
      entity: 'evaluation',
      entityId: evaluationId,
      operation: 'update',
      before: { responsePublic: Boolean(before.at) },
      after: { responsePublic: published },
    });
    return { publishedAt: after.at };
  });
}

/** Published responses of every organisation, newest first, for the public index. */
export async function listPublicResponses(db: Db) {
  return db
    .select({
      id: evaluations.id,
      title: evaluations.title,
      year: evaluations.year,
      organisation: organisations.name,
      publishedAt: evaluations.responsePublishedAt,
    })
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.organisationId))
    .where(and(isNotNull(evaluations.responsePublishedAt), isNull(evaluations.deletedAt)))
    .orderBy(desc(evaluations.responsePublishedAt), asc(evaluations.id))
    .limit(500);
}

/** One published response (a private or deleted one answers as missing). */
export async function getPublicResponse(db: Db, id: string): Promise<PublicResponse> {
  const [e] = await db
    .select({
      id: evaluations.id,
      organisation: organisations.name,
      title: evaluations.title,
      year: evaluations.year,
      period: evaluations.period,
      publishedOn: evaluations.publishedOn,
      added: evaluations.createdAt,
      updated: evaluations.updatedAt,
    })
    .from(evaluations)
    .innerJoin(organisations, eq(organisations.id, evaluations.organisationId))
    .where(
      and(eq(evaluations.id, id), isNotNull(evaluations.responsePublishedAt), isNull(evaluations.deletedAt)),
    );
  if (!e) throw new NotFound('published management response');
  const recs = await db
    .select({
      id: recommendations.id,
      number: recommendations.number,
      text: recommendations.text,
      priority: recommendations.priority,
      response: recommendations.response,
      responseText: recommendations.responseText,
    })
    .from(recommendations)
    .where(eq(recommendations.evaluationId, id))
    .orderBy(asc(recommendations.position));
  const acts = await publicActionsOf(
    db,
    recs.map((r) => r.id),
  );
  const last =
    acts
      .map((a) => a.lastUpdated)
      .sort()
      .at(-1) ?? null;
  const latest = (...dates: (string | null | undefined)[]) =>
    dates
      .filter((d): d is string => Boolean(d))
      .sort()
      .at(-1) ?? e.added;
  return {
    id: e.id,
    organisation: e.organisation,
    title: e.title,
    year: e.year,
    period: e.period,
    publishedOn: e.publishedOn,
    added: e.added,
    lastUpdated: latest(e.updated, last),
    recommendations: recs.map((r) => {
      const mine = acts.filter((a) => a.recommendationId === r.id);
      return {
        number: r.number,
        text: r.text,
        priority: r.priority,
        response: r.response,
        responseText: r.responseText,
        lastUpdated: latest(e.updated, ...mine.map((a) => a.lastUpdated)),
        actions: mine.map(({ recommendationId: _r, ...a }) => a),
      };
    }),
  };
}
