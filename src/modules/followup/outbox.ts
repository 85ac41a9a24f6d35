/**
 * The outbox: every follow-up email is a row before it is sent. `enqueue` writes a message and
 * the keys it stands for in the caller's transaction (a key already written means the reminder
 * was already planned: nothing is added). `deliverDue` claims due messages in a committed
 * statement (`FOR UPDATE SKIP LOCKED`, so several processes never claim the same one) and only
 * then hands them to SMTP: a process killed mid-send leaves its message `sending`, which
 * `markInterrupted` later shows as "may not have been sent" instead of sending it twice.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isPermanentFailure, type Mailer } from '../../lib/mail.js';
import type { EmailLanguage } from '../units/model.js';
import type { MessageKind } from './model.js';
import { outbox, outboxKeys } from './schema.js';

export interface OutgoingMessage {
  organisationId: string;
  kind: MessageKind;
  to: string[];
  language: EmailLanguage;
  subject: string;
  body: string;
  unitName: string | null;
  evaluationTitle: string | null;
  actionNumbers: string[];
  roundId?: string | null;
  unitId?: string | null;
  /** What the message stands for: it is written only if none of these was written before. */
  keys: string[];
}

/** Writes a message unless its keys were already planned; returns its id, or null. */
export async function enqueue(db: Db, m: OutgoingMessage): Promise<string | null> {
  if (m.keys.length > 0) {
    const taken = await db
      .select({ key: outboxKeys.key })
      .from(outboxKeys)
      .where(inArray(outboxKeys.key, m.keys));
    if (taken.length > 0) return null;
  }
  const [row] = await db
    .insert(outbox)
    .values({
      organisationId: m.organisationId,
      kind: m.kind,
      to: m.to,
      language: m.language,
      subject: m.subject,
      body: m.body,
      unitName: m.unitName,
      evaluationTitle: m.evaluationTitle,
      actionNumbers: m.actionNumbers,
      roundId: m.roundId ?? null,
      unitId: m.unitId ?? null,
    })
    .returning({ id: outbox.id });
  if (m.keys.length > 0)
    await db.insert(outboxKeys).values(m.keys.map((key) => ({ key, messageId: row.id })));
  return row.id;
}

/** Messages that are due and not yet claimed, oldest first (what would go out now). */
export async function pendingMessages(db: Db, organisationId?: string) {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        sql`${outbox.dueAt} <= now()`,
        organisationId ? eq(outbox.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(outbox.dueAt, outbox.createdAt);
}

const RETRIES = 5;

/**
 * Sends what is due (at most `limit` messages a call). Each message is claimed before it is sent; passing SMTP
 * failures are retried later (up to five attempts), refusals are kept with the server's answer.
 */
export async function deliverDue(
  db: Db,
  mailer: Mailer,
  limit = 500,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  if (!mailer.configured) return { sent, failed };
  // One message per claim: a process that dies mid-send leaves only that message in doubt.
  for (let turn = 0; turn < limit; turn++) {
    const claimed = (
      (await db.execute(sql`
        update ${outbox} set status = 'sending', claimed_at = now(), attempts = attempts + 1
        where id in (
          select id from ${outbox} where status = 'pending' and due_at <= now()
          order by due_at, created_at limit 1 for update skip locked)
        returning id, "to", subject, body`)) as unknown as { rows: unknown[] }
    ).rows as { id: string; to: string[]; subject: string; body: string }[];
    if (claimed.length === 0) break;
    for (const m of claimed) {
      try {
        const result = await mailer.send({ to: m.to, subject: m.subject, text: m.body });
        await db
          .update(outbox)
          .set({
            status: 'sent',
            sentAt: sql`now()` as unknown as string,
            error:
              result.rejected.length > 0
                ? `Refused by the mail server for ${result.rejected.join(', ')}`
                : null,
          })
          .where(eq(outbox.id, m.id));
        sent++;
      } catch (err) {
        failed++;
        const message = err instanceof Error ? err.message : String(err);
        await db.execute(sql`
          update ${outbox} set
            status = case when ${isPermanentFailure(err)} or attempts >= ${RETRIES} then 'failed' else 'pending' end,
            due_at = now() + make_interval(mins => 5 * attempts),
            error = ${message.slice(0, 1000)}
          where id = ${m.id}`);
      }
    }
  }
  return { sent, failed };
}

/**
 * Messages claimed longer ago than any send can take belong to a process that died mid-send:
 * they may or may not have gone out, so they are not sent again but shown for a person to decide.
 */
export async function markInterrupted(db: Db, olderThanMinutes = 10): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({
      status: 'interrupted',
      error: 'The sending process stopped while sending: this email may not have been sent.',
    })
    .where(
      and(
        eq(outbox.status, 'sending'),
        lt(
          outbox.claimedAt,
          sql`now() - make_interval(mins => ${olderThanMinutes}::int)` as unknown as string,
        ),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}
