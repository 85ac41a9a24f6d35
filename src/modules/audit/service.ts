/**
 * The audit trail. Every write of a module calls `recordChange` inside its own transaction, so a
 * change and its record land together or not at all. Updates keep only the fields that changed.
 */
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actorOf, type Caller } from '../../server/caller.js';
import type { AuditEvent, OPERATIONS } from './model.js';
import { auditEvents } from './schema.js';

type Values = Record<string, unknown> | null;

export interface Change {
  entity: string;
  entityId: string;
  parentId?: string | null;
  operation: (typeof OPERATIONS)[number];
  before: Values | object;
  after: Values | object;
  reason?: string | null;
}

const IGNORED = new Set(['updatedAt', 'search', 'createdAt']);

/** The fields whose values differ, old and new side by side. */
export function changedFields(before: Values, after: Values): { before: Values; after: Values } {
  if (!before || !after) return { before, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (IGNORED.has(key)) continue;
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

const plain = (v: Values | object): Values => (v ? (JSON.parse(JSON.stringify(v)) as Values) : null);

export async function recordChange(db: Db, caller: Caller, change: Change): Promise<void> {
  const diff =
    change.operation === 'update'
      ? changedFields(plain(change.before), plain(change.after))
      : { before: plain(change.before), after: plain(change.after) };
  if (
    change.operation === 'update' &&
    diff.before &&
    Object.keys(diff.before).length === 0 &&
    !change.reason
  ) {
    return; // nothing changed
  }
  await db.insert(auditEvents).values({
    organisationId: caller.organisationId,
    ...actorOf(caller),
    entity: change.entity,
    entityId: change.entityId,
    parentId: change.parentId ?? null,
    operation: change.operation,
    before: diff.before,
    after: diff.after,
    reason: change.reason?.trim() || null,
  });
}

/** A record's history, newest first: its own events and those of its parts. */
export async function historyOf(
  db: Db,
  organisationId: string,
  entityId: string,
  page: { before?: number; limit?: number } = {},
): Promise<{ events: AuditEvent[]; next: number | null }> {
  const limit = Math.min(page.limit ?? 100, 500);
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorName: auditEvents.actorName,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      operation: auditEvents.operation,
      before: auditEvents.before,
      after: auditEvents.after,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organisationId, organisationId),
        or(eq(auditEvents.entityId, entityId), eq(auditEvents.parentId, entityId)),
        page.before ? lt(auditEvents.id, page.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const events = rows
    .slice(0, limit)
    .map((r) => ({ ...r, operation: r.operation as AuditEvent['operation'] }));
  return { events, next: rows.length > limit ? events[events.length - 1].id : null };
}
