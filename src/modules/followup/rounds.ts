/**
 * Follow-up rounds: an editor opens a round for some evaluations; every unit with open actions in
 * them is asked, by one email per language of its focal points, with the unit's personal link.
 * Opening, re-sending, revoking and closing are here; where rounds stand is roundStatus.ts.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { actorOf } from '../../server/caller.js';
import { Conflict, Invalid, NotFound, Unavailable } from '../../server/errors.js';
import { organisations } from '../accounts/schema.js';
import {
  actionsWithUnits,
  type ChasedAction,
  chasedActionsOfEvaluations,
  unlinkedActionsOfEvaluations,
} from '../actions/chase.js';
import { recordChange } from '../audit/service.js';
import { evaluations } from '../evaluations/schema.js';
import { EMAIL_LANGUAGES, type EmailLanguage } from '../units/model.js';
import { units } from '../units/schema.js';
import { recipientsOfUnits } from '../units/service.js';
import { respondPath, roundLinkToken } from './links.js';
import { renderMessage } from './messages.js';
import type { RoundInput, RoundPreview } from './model.js';
import { enqueue } from './outbox.js';
import { outbox, roundActions, roundEvaluations, rounds, roundUnits } from './schema.js';
import { getSettings } from './settings.js';

export interface LinkContext {
  secret: string;
  /** INTEGRA_URL or this machine's address: links in emails and on the round page start with it. */
  linkBase: string;
  mail: boolean;
  today: string;
}

export type Recipient = {
  email: string;
  name: string | null;
  language: string | null;
  userId: string | null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Recipients grouped by the language their email is written in. */
export function byLanguage(recipients: Recipient[], fallback: EmailLanguage): Map<EmailLanguage, string[]> {
  const groups = new Map<EmailLanguage, string[]>();
  for (const r of recipients) {
    const language = (
      (EMAIL_LANGUAGES as readonly string[]).includes(r.language ?? '') ? r.language : fallback
    ) as EmailLanguage;
    groups.set(language, [...(groups.get(language) ?? []), r.email]);
  }
  return groups;
}

async function checkEvaluations(db: Db, organisationId: string, ids: string[]) {
  const found = await db
    .select({ id: evaluations.id, title: evaluations.title, closedAt: evaluations.closedAt })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.organisationId, organisationId),
        inArray(evaluations.id, ids),
        isNull(evaluations.deletedAt),
      ),
    );
  const issues = ids.flatMap((id, i) => {
    const e = found.find((f) => f.id === id);
    if (!e) return [{ path: `evaluationIds.${i}`, message: 'no such evaluation' }];
    if (e.closedAt) return [{ path: `evaluationIds.${i}`, message: `“${e.title}” is closed` }];
    return [];
  });
  if (issues.length) throw new Invalid('Some evaluations cannot be followed up.', issues);
  return found;
}

/** What opening the round would do: the units asked, their recipients, and what stops it. */
export async function previewRound(db: Db, organisationId: string, input: RoundInput, ctx: LinkContext) {
  const evaluationIds = [...new Set(input.evaluationIds)];
  await checkEvaluations(db, organisationId, evaluationIds);
  const chased = await chasedActionsOfEvaluations(db, organisationId, evaluationIds);
  const unitIds = [...new Set(chased.map((a) => a.unitId))];
  const recipients = await recipientsOfUnits(db, unitIds);
  const units = unitIds.map((unitId) => {
    const list = recipients.get(unitId) ?? [];
    const problems: string[] = [];
    if (list.length === 0) problems.push('has no focal point to email: add one on the Units page');
    for (const r of list)
      if (!EMAIL.test(r.email)) problems.push(`“${r.email}” is not a valid email address`);
    return {
      unitId,
      name: chased.find((a) => a.unitId === unitId)?.unitName ?? '',
      actions: chased.filter((a) => a.unitId === unitId).length,
      recipients: list.map((r) => r.email),
      problems,
    };
  });
  const problems: string[] = [];
  if (units.length === 0) {
    problems.push(
      'No open action of these evaluations is linked to a responsible unit: there is nobody to ask.',
    );
  }
  if (input.dueOn < ctx.today) problems.push('The due date has already passed.');
  const preview: RoundPreview = {
    units: units.sort((a, b) => a.name.localeCompare(b.name)),
    unlinkedActions: await unlinkedActionsOfEvaluations(db, organisationId, evaluationIds),
    problems,
    mail: ctx.mail,
  };
  return { preview, chased, recipients };
}

/** Opens a round: records who is asked about what and queues their emails, in one transaction. */
export async function openRound(
  db: Db,
  caller: Caller,
  input: RoundInput,
  ctx: LinkContext,
): Promise<string> {
  return db.transaction(async (tx) => {
    const { preview, chased, recipients } = await previewRound(tx, caller.organisationId, input, ctx);
    const issues = [
      ...preview.problems.map((message) => ({ path: 'evaluationIds', message })),
      ...preview.units.flatMap((u) =>
        u.problems.map((p) => ({ path: `units.${u.name}`, message: `${u.name} ${p}` })),
      ),
    ];
    if (issues.length) throw new Invalid('The round cannot be opened yet; nothing was sent.', issues);
    const [round] = await tx
      .insert(rounds)
      .values({
        organisationId: caller.organisationId,
        name: input.name,
        dueOn: input.dueOn,
        message: input.message || null,
        openedBy: actorOf(caller).actorName,
      })
      .returning();
    const evaluationIds = [...new Set(input.evaluationIds)];
    await tx
      .insert(roundEvaluations)
      .values(evaluationIds.map((evaluationId) => ({ roundId: round.id, evaluationId })));
    for (const unit of preview.units) {
      const [ru] = await tx.insert(roundUnits).values({ roundId: round.id, unitId: unit.unitId }).returning();
      const asked = chased.filter((a) => a.unitId === unit.unitId);
      await tx.insert(roundActions).values(asked.map((a) => ({ roundUnitId: ru.id, actionId: a.id })));
      if (ctx.mail) {
        await queueRoundEmail(
          tx,
          caller.organisationId,
          round,
          ru,
          unit.name,
          asked,
          recipients.get(unit.unitId) ?? [],
          ctx,
          'round_opened',
          [`round_opened:${ru.id}`],
        );
      }
    }
    await recordChange(tx, caller, {
      entity: 'round',
      entityId: round.id,
      operation: 'create',
      before: null,
      after: {
        name: round.name,
        dueOn: round.dueOn,
        evaluations: evaluationIds.length,
        units: preview.units.length,
      },
    });
    return round.id;
  });
}

/** Queues one email per language of a unit's focal points, about its actions in a round. */
export async function queueRoundEmail(
  tx: Db,
  organisationId: string,
  round: { id: string; name: string; dueOn: string; message: string | null },
  ru: { id: string; unitId: string; linkVersion: number },
  unitName: string,
  asked: Pick<ChasedAction, 'number' | 'text' | 'evaluationTitle' | 'dueTo'>[],
  recipients: Recipient[],
  ctx: Pick<LinkContext, 'secret' | 'linkBase'>,
  kind: 'round_opened' | 'round_due_soon' | 'round_overdue',
  keys: string[],
) {
  const [org] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  const settings = await getSettings(tx, organisationId);
  const link = `${ctx.linkBase}${respondPath(roundLinkToken(ctx.secret, ru.id, ru.linkVersion))}`;
  const titles = [...new Set(asked.map((a) => a.evaluationTitle))];
  let queued = 0;
  for (const [language, to] of byLanguage(recipients, settings.language)) {
    const { subject, body } = renderMessage({
      kind,
      language,
      organisationName: org?.name ?? '',
      unitName,
      round,
      actions: asked,
      link,
    });
    const id = await enqueue(tx, {
      organisationId,
      kind,
      to,
      language,
      subject,
      body,
      unitName,
      evaluationTitle: titles.length === 1 ? titles[0] : null,
      actionNumbers: asked.map((a) => a.number),
      roundId: round.id,
      unitId: ru.unitId,
      keys: keys.map((k) => `${k}:${language}`),
    });
    if (id) queued++;
  }
  return queued;
}

async function loadRoundUnit(db: Db, organisationId: string, roundId: string, unitId: string) {
  const [row] = await db
    .select({ ru: roundUnits, round: rounds })
    .from(roundUnits)
    .innerJoin(rounds, eq(rounds.id, roundUnits.roundId))
    .where(
      and(eq(rounds.id, roundId), eq(rounds.organisationId, organisationId), eq(roundUnits.unitId, unitId)),
    );
  if (!row) throw new NotFound('unit in this round');
  if (row.round.closedAt) throw new Conflict('This round is closed.');
  return row;
}

/** Emails a unit its link again (a new message, whatever was sent before). */
export async function resendToUnit(
  db: Db,
  caller: Caller,
  roundId: string,
  unitId: string,
  ctx: LinkContext,
) {
  if (!ctx.mail)
    throw new Unavailable(
      'This server cannot send email (SMTP_URL is not set): copy the link instead.',
    ).because('noMail');
  await db.transaction(async (tx) => {
    const { ru, round } = await loadRoundUnit(tx, caller.organisationId, roundId, unitId);
    const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, unitId));
    const askedIds = await tx
      .select({ id: roundActions.actionId })
      .from(roundActions)
      .where(eq(roundActions.roundUnitId, ru.id));
    const list = (
      await actionsWithUnits(
        tx,
        caller.organisationId,
        askedIds.map((a) => a.id),
      )
    ).filter((a) => a.unitId === unitId);
    const recipients = (await recipientsOfUnits(tx, [unitId])).get(unitId) ?? [];
    if (recipients.length === 0)
      throw new Invalid('This unit has no focal point to email: add one on the Units page.').because(
        'noFocalPoint',
      );
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(and(eq(outbox.roundId, roundId), eq(outbox.unitId, unitId)));
    await queueRoundEmail(
      tx,
      caller.organisationId,
      round,
      ru,
      unit?.name ?? '',
      list,
      recipients,
      ctx,
      'round_opened',
      [`round_resend:${ru.id}:${n}`],
    );
    await recordChange(tx, caller, {
      entity: 'round',
      entityId: roundId,
      operation: 'update',
      before: null,
      after: { resentTo: unit?.name ?? unitId },
    });
  });
}

/** Revokes a unit's link: the next link (re-sent or copied) carries a new version. */
export async function revokeLink(db: Db, caller: Caller, roundId: string, unitId: string) {
  await db.transaction(async (tx) => {
    const { ru } = await loadRoundUnit(tx, caller.organisationId, roundId, unitId);
    await tx
      .update(roundUnits)
      .set({ linkVersion: ru.linkVersion + 1, revokedAt: sql`now()` as unknown as string })
      .where(eq(roundUnits.id, ru.id));
    await recordChange(tx, caller, {
      entity: 'round',
      entityId: roundId,
      operation: 'update',
      before: { linkVersion: ru.linkVersion },
      after: { linkVersion: ru.linkVersion + 1, revokedFor: unitId },
    });
  });
}

export async function closeRound(db: Db, caller: Caller, roundId: string) {
  await db.transaction(async (tx) => {
    const [round] = await tx
      .select()
      .from(rounds)
      .where(and(eq(rounds.id, roundId), eq(rounds.organisationId, caller.organisationId)))
      .for('update');
    if (!round) throw new NotFound('round');
    if (round.closedAt) throw new Conflict('This round is already closed.');
    await tx
      .update(rounds)
      .set({ closedAt: sql`now()` as unknown as string })
      .where(eq(rounds.id, roundId));
    // Reminders of the round that did not go out yet are no longer wanted.
    await tx.delete(outbox).where(and(eq(outbox.roundId, roundId), eq(outbox.status, 'pending')));
    await recordChange(tx, caller, {
      entity: 'round',
      entityId: roundId,
      operation: 'update',
      before: { closedAt: null },
      after: { closedAt: 'now' },
    });
  });
}
