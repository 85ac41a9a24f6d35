/** An organisation's follow-up settings (defaults until an administrator saves some), and its calendar. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { organisations } from '../accounts/schema.js';
import { recordChange } from '../audit/service.js';
import { DEFAULT_SETTINGS, type FollowupSettings, type FollowupSettingsInput } from './model.js';
import { followupSettings } from './schema.js';

/** The settings, with the organisation's language (emails to people who chose none): one query. */
export async function getSettings(db: Db, organisationId: string): Promise<FollowupSettings> {
  const [row] = await db
    .select({ settings: followupSettings, language: organisations.language })
    .from(organisations)
    .leftJoin(followupSettings, eq(followupSettings.organisationId, organisations.id))
    .where(eq(organisations.id, organisationId));
  const language = (row?.language ?? DEFAULT_SETTINGS.language) as FollowupSettings['language'];
  if (!row?.settings) return { ...DEFAULT_SETTINGS, language };
  const { organisationId: _o, ...settings } = row.settings;
  return { ...settings, language } as FollowupSettings;
}

export async function saveSettings(
  db: Db,
  caller: Caller,
  input: FollowupSettingsInput,
): Promise<FollowupSettings> {
  // The language belongs to the organisation: a caller passing whole settings does not change it here.
  const { language: _language, ...values } = input as FollowupSettingsInput & { language?: string };
  return db.transaction(async (tx) => {
    const { language: _was, ...before } = await getSettings(tx, caller.organisationId);
    await tx
      .insert(followupSettings)
      .values({ organisationId: caller.organisationId, ...values })
      .onConflictDoUpdate({ target: followupSettings.organisationId, set: values });
    await recordChange(tx, caller, {
      entity: 'followup_settings',
      entityId: caller.organisationId,
      operation: 'update',
      before,
      after: values,
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
