/** An organisation's follow-up settings (defaults until an administrator saves some), and its calendar. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { recordChange } from '../audit/service.js';
import { DEFAULT_SETTINGS, type FollowupSettings } from './model.js';
import { followupSettings } from './schema.js';

export async function getSettings(db: Db, organisationId: string): Promise<FollowupSettings> {
  const [row] = await db
    .select()
    .from(followupSettings)
    .where(eq(followupSettings.organisationId, organisationId));
  if (!row) return { ...DEFAULT_SETTINGS };
  const { organisationId: _o, ...settings } = row;
  return settings as FollowupSettings;
}

export async function saveSettings(
  db: Db,
  caller: Caller,
  input: FollowupSettings,
): Promise<FollowupSettings> {
  return db.transaction(async (tx) => {
    const before = await getSettings(tx, caller.organisationId);
    await tx
      .insert(followupSettings)
      .values({ organisationId: caller.organisationId, ...input })
      .onConflictDoUpdate({ target: followupSettings.organisationId, set: input });
    await recordChange(tx, caller, {
      entity: 'followup_settings',
      entityId: caller.organisationId,
      operation: 'update',
      before,
      after: input,
    });
    return getSettings(tx, caller.organisationId);
  });
}

/** The date (YYYY-MM-DD), ISO weekday and hour at an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { date: string; weekday: number; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, hour: Number(parts.hour) };
}
