/**
 * Calendars (iCalendar, by ical-generator): a personal feed of the due windows of one's actions and
 * units and of the rounds waiting for them, at a subscribable URL whose secret can be replaced;
 * and a download of one evaluation's deadlines. The feed's secret is derived from the server's
 * secret and the feed's creation, so the URL can be shown again while only its hash is stored.
 */
import { createHash, createHmac } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import ical from 'ical-generator';
import type { Db } from '../../db/client.js';
import { NotFound } from '../../server/errors.js';
import { memberships, organisations } from '../accounts/schema.js';
import { chasedActionsOfUnits } from '../actions/chase.js';
import { actionsOfRecommendations } from '../actions/service.js';
import { evaluations, recommendations } from '../evaluations/schema.js';
import { units } from '../units/schema.js';
import { unitsOfPerson } from '../units/service.js';
import { calendarFeeds, roundEvaluations, rounds, roundUnits } from './schema.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
/** A timestamp as milliseconds, whichever way the driver wrote it ("2026-11-26 13:25:01.123+00" or ISO). */
const epochMs = (at: string) => new Date(at.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).getTime();
const tokenOf = (secret: string, row: { organisationId: string; userId: string; createdAt: string }) =>
  createHmac('sha256', secret)
    .update(`calendar:${row.organisationId}:${row.userId}:${epochMs(row.createdAt)}`)
    .digest('base64url');
const feedUrl = (linkBase: string, token: string) => `${linkBase}/api/calendar/${token}.ics`;

export async function calendarUrl(
  db: Db,
  secret: string,
  linkBase: string,
  organisationId: string,
  userId: string,
) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.organisationId, organisationId), eq(calendarFeeds.userId, userId)));
  return row ? feedUrl(linkBase, tokenOf(secret, row)) : null;
}

/** A new feed URL; the previous one (if any) stops working. */
export async function renewCalendar(
  db: Db,
  secret: string,
  linkBase: string,
  organisationId: string,
  userId: string,
) {
  return db.transaction(async (tx) => {
    await stopCalendar(tx, organisationId, userId);
    const createdAt = new Date().toISOString();
    const token = tokenOf(secret, { organisationId, userId, createdAt });
    await tx.insert(calendarFeeds).values({ organisationId, userId, createdAt, tokenHash: hash(token) });
    return feedUrl(linkBase, token);
  });
}

export async function stopCalendar(db: Db, organisationId: string, userId: string) {
  await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.organisationId, organisationId), eq(calendarFeeds.userId, userId)));
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The personal feed behind a URL: actions of one's units with a due window, and rounds waiting. */
export async function personalFeed(db: Db, token: string): Promise<string> {
  const [feed] = await db
    .select({ f: calendarFeeds, unitId: memberships.unitId, organisationName: organisations.name })
    .from(calendarFeeds)
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, calendarFeeds.userId),
        eq(memberships.organisationId, calendarFeeds.organisationId),
      ),
    )
    .innerJoin(organisations, eq(organisations.id, calendarFeeds.organisationId))
    .where(eq(calendarFeeds.tokenHash, hash(token)));
  if (!feed) throw new NotFound('calendar (the address may have been replaced)');
  const { organisationId } = feed.f;
  const unitIds = await unitsOfPerson(db, organisationId, feed.f.userId, feed.unitId);
  const calendar = ical({
    name: `Integra — ${feed.organisationName}`,
    prodId: { company: 'Integra', product: 'follow-up' },
  });
  const owed = await chasedActionsOfUnits(db, organisationId, unitIds, '9999-12-31');
  const seen = new Set<string>();
  for (const a of owed) {
    if (!a.dueTo || seen.has(a.id)) continue;
    seen.add(a.id);
    calendar.createEvent({
      id: `action-${a.id}@integra`,
      start: day(a.dueTo),
      allDay: true,
      summary: `Due: ${a.number} ${a.text.slice(0, 80)}`,
      description: `${a.evaluationTitle}\n${a.unitName}${a.dueFrom ? `\nDue window: ${a.dueFrom} to ${a.dueTo}` : ''}\n\n${a.text}`,
    });
  }
  if (unitIds.length) {
    const waiting = await db
      .select({ round: rounds, unitName: units.name })
      .from(roundUnits)
      .innerJoin(rounds, eq(rounds.id, roundUnits.roundId))
      .innerJoin(units, eq(units.id, roundUnits.unitId))
      .where(
        and(
          inArray(roundUnits.unitId, unitIds),
          isNull(rounds.closedAt),
          eq(rounds.organisationId, organisationId),
        ),
      );
    for (const w of waiting) {
      calendar.createEvent({
        id: `round-${w.round.id}-${w.unitName}@integra`,
        start: day(w.round.dueOn),
        allDay: true,
        summary: `Follow-up ${w.round.name}: ${w.unitName}'s report due`,
      });
    }
  }
  return calendar.toString();
}

/** One evaluation's deadlines: every action with a due window, and the rounds that follow it up. */
export async function evaluationCalendar(
  db: Db,
  organisationId: string,
  evaluationId: string,
  today: string,
) {
  const [evaluation] = await db
    .select({ id: evaluations.id, title: evaluations.title })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.id, evaluationId),
        eq(evaluations.organisationId, organisationId),
        isNull(evaluations.deletedAt),
      ),
    );
  if (!evaluation) throw new NotFound('evaluation');
  const recs = await db
    .select({ id: recommendations.id })
    .from(recommendations)
    .where(eq(recommendations.evaluationId, evaluationId))
    .orderBy(asc(recommendations.position));
  const list = await actionsOfRecommendations(
    db,
    organisationId,
    recs.map((r) => r.id),
    today,
  );
  const calendar = ical({ name: evaluation.title, prodId: { company: 'Integra', product: 'follow-up' } });
  for (const a of list) {
    if (!a.due) continue;
    calendar.createEvent({
      id: `action-${a.id}@integra`,
      start: day(a.due.to),
      allDay: true,
      summary: `Due: ${a.number} ${a.text.slice(0, 80)}`,
      description: `${evaluation.title}${a.responsible ? `\n${a.responsible}` : ''}${a.timeframe ? `\nTimeframe: ${a.timeframe}` : ''}\n\n${a.text}`,
    });
  }
  const followed = await db
    .select({ round: rounds })
    .from(roundEvaluations)
    .innerJoin(rounds, eq(rounds.id, roundEvaluations.roundId))
    .where(eq(roundEvaluations.evaluationId, evaluationId));
  for (const { round } of followed) {
    calendar.createEvent({
      id: `round-${round.id}@integra`,
      start: day(round.dueOn),
      allDay: true,
      summary: `Follow-up ${round.name}: reports due`,
    });
  }
  return { title: evaluation.title, text: calendar.toString() };
}
