/** "My follow-up": what a signed-in member and their units owe — due soon, overdue, returned, rounds waiting. */
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { Unauthenticated } from '../../server/errors.js';
import { type ChasedAction, chasedActionsOfUnits } from '../actions/chase.js';
import type { ActionListRow } from '../actions/model.js';
import { isOverdue } from '../actions/model.js';
import { listReports } from '../actions/reports.js';
import { units } from '../units/schema.js';
import { unitsOfPerson } from '../units/service.js';
import { calendarUrl } from './calendar.js';
import { respondPath, roundLinkToken } from './links.js';
import type { MyFollowup } from './model.js';
import { roundCounts } from './roundStatus.js';
import { digestSubscriptions, rounds, roundUnits } from './schema.js';
import { getSettings } from './settings.js';

const row = (a: ChasedAction, today: string): ActionListRow => {
  const due = a.dueTo ? { from: a.dueFrom, to: a.dueTo, inferred: a.dueInferred } : null;
  return {
    id: a.id,
    number: a.number,
    text: a.text,
    timeframe: a.timeframe,
    due,
    responsible: a.responsible,
    units: [{ id: a.unitId, name: a.unitName }],
    fundingConditional: a.fundingConditional,
    // Follow-up only chases actions that ask for something.
    noActionNeeded: false,
    status: a.status,
    overdue: isOverdue(due, a.status, today),
    evaluationId: a.evaluationId,
    evaluationTitle: a.evaluationTitle,
    recommendationNumber: a.recommendationNumber,
    priority: a.priority,
    practiceId: null,
    practiceTitle: null,
    itemId: null,
  };
};

export async function myFollowup(
  db: Db,
  caller: Caller,
  ctx: { secret: string; linkBase: string; today: string },
): Promise<MyFollowup> {
  if (!caller.user) throw new Unauthenticated();
  const { organisationId } = caller;
  const userId = caller.user.id;
  const settings = await getSettings(db, organisationId);
  const unitIds = await unitsOfPerson(db, organisationId, userId, caller.unitId ?? null);
  const horizon = format(addDays(parseISO(ctx.today), settings.actionDueSoonDays), 'yyyy-MM-dd');
  const [owed, returned, waiting, names, digest, calendar] = await Promise.all([
    chasedActionsOfUnits(db, organisationId, unitIds, horizon),
    listReports(db, organisationId, { unitIds, state: 'returned', latest: true }, 100),
    unitIds.length
      ? db
          .select({ ru: roundUnits, round: rounds, unitName: units.name })
          .from(roundUnits)
          .innerJoin(rounds, eq(rounds.id, roundUnits.roundId))
          .innerJoin(units, eq(units.id, roundUnits.unitId))
          .where(
            and(
              inArray(roundUnits.unitId, unitIds),
              isNull(rounds.closedAt),
              eq(rounds.organisationId, organisationId),
            ),
          )
      : Promise.resolve([]),
    unitIds.length
      ? db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))
      : Promise.resolve([]),
    db
      .select()
      .from(digestSubscriptions)
      .where(
        and(eq(digestSubscriptions.organisationId, organisationId), eq(digestSubscriptions.userId, userId)),
      ),
    calendarUrl(db, ctx.secret, ctx.linkBase, organisationId, userId),
  ]);
  const byId = new Map<string, ActionListRow>();
  for (const a of owed) {
    const known = byId.get(a.id);
    if (known) known.units.push({ id: a.unitId, name: a.unitName });
    else byId.set(a.id, row(a, ctx.today));
  }
  const actions = [...byId.values()];
  const counts = await roundCounts(db, [...new Set(waiting.map((w) => w.round.id))]);
  const pathOf = (ru: { id: string; linkVersion: number }) =>
    respondPath(roundLinkToken(ctx.secret, ru.id, ru.linkVersion));
  return {
    units: names.sort((a, b) => a.name.localeCompare(b.name)),
    overdue: actions.filter((a) => a.overdue),
    dueSoon: actions.filter((a) => !a.overdue),
    returned: returned.map((r) => {
      const w = waiting.find((x) => x.round.id === r.roundId && x.unitName === r.unitName);
      return {
        ...(({ evaluationId: _e, evaluationTitle: _t, roundId: _r, ...rest }) => rest)(r),
        respondPath: w ? pathOf(w.ru) : null,
      };
    }),
    rounds: waiting
      .map((w) => {
        const c = counts.get(w.ru.id) ?? { actions: 0, reported: 0, validated: 0, returned: 0 };
        return {
          roundId: w.round.id,
          name: w.round.name,
          dueOn: w.round.dueOn,
          unitName: w.unitName,
          actions: c.actions,
          answered: c.reported + c.validated,
          respondPath: pathOf(w.ru),
        };
      })
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    digest: digest.length > 0,
    calendarUrl: calendar,
  };
}

export async function setDigest(db: Db, caller: Caller, enabled: boolean) {
  if (!caller.user) throw new Unauthenticated();
  if (enabled) {
    await db
      .insert(digestSubscriptions)
      .values({ organisationId: caller.organisationId, userId: caller.user.id })
      .onConflictDoNothing();
  } else {
    await db
      .delete(digestSubscriptions)
      .where(
        and(
          eq(digestSubscriptions.organisationId, caller.organisationId),
          eq(digestSubscriptions.userId, caller.user.id),
        ),
      );
  }
}
