/**
 * The page behind a unit's link: the unit's actions in the round (or, for a unit link, its open
 * actions), and its reports on them. No account is needed: the signed link is the permission,
 * reaching only that unit's actions, until the round closes or the link is revoked. Members
 * signed in use it too.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../server/caller.js';
import { AppError, Invalid, NotFound } from '../../server/errors.js';
import { organisations } from '../accounts/schema.js';
import { actionsWithUnits, chasedActionsOfUnits } from '../actions/chase.js';
import { isOverdue } from '../actions/model.js';
import { getEvidence, listReports, type ReportInput, reportProgress } from '../actions/reports.js';
import { units } from '../units/schema.js';
import { readLinkToken } from './links.js';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, type RespondPage } from './model.js';
import { roundActions, rounds, roundUnits } from './schema.js';

export class LinkRefused extends AppError {}

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

/** What a link opens: one unit's actions, in one round or (a unit link) outside any round. */
export interface Opened {
  organisationId: string;
  organisationName: string;
  unitId: string;
  unitName: string;
  /** The round the link belongs to; null for a unit link. */
  round: { id: string; name: string; dueOn: string; message: string | null } | null;
  roundUnitId: string | null;
  openedAt: string | null;
}

/** The unit (and round) a link opens, or the reason it does not open anything. */
export async function openLink(db: Db, secret: string, token: string): Promise<Opened> {
  const read = readLinkToken(secret, token);
  const invalid = new LinkRefused(
    'link_invalid',
    404,
    'This link is not valid: it may have been copied incompletely or changed. Ask the evaluation office for your link.',
  );
  const revoked = new LinkRefused(
    'link_revoked',
    410,
    'This link was revoked by the evaluation office: use the newer link they sent, or ask them for one.',
  );
  if (!read) throw invalid;
  if (read.kind === 'unit') {
    const [row] = await db
      .select({ unit: units, organisationName: organisations.name })
      .from(units)
      .innerJoin(organisations, eq(organisations.id, units.organisationId))
      .where(eq(units.id, read.unitId));
    if (!row || read.version > row.unit.linkVersion) throw invalid;
    if (read.version < row.unit.linkVersion) throw revoked;
    return {
      organisationId: row.unit.organisationId,
      organisationName: row.organisationName,
      unitId: row.unit.id,
      unitName: row.unit.name,
      round: null,
      roundUnitId: null,
      openedAt: null,
    };
  }
  const [row] = await db
    .select({ ru: roundUnits, round: rounds, unitName: units.name, organisationName: organisations.name })
    .from(roundUnits)
    .innerJoin(rounds, eq(rounds.id, roundUnits.roundId))
    .innerJoin(units, eq(units.id, roundUnits.unitId))
    .innerJoin(organisations, eq(organisations.id, rounds.organisationId))
    .where(eq(roundUnits.id, read.roundUnitId));
  if (!row || read.version > row.ru.linkVersion) throw invalid;
  if (read.version < row.ru.linkVersion) throw revoked;
  if (row.round.closedAt) {
    throw new LinkRefused(
      'link_expired',
      410,
      `This link has expired: the follow-up round “${row.round.name}” closed on ${longDate(row.round.closedAt)}.`,
    );
  }
  return {
    organisationId: row.round.organisationId,
    organisationName: row.organisationName,
    unitId: row.ru.unitId,
    unitName: row.unitName,
    round: { id: row.round.id, name: row.round.name, dueOn: row.round.dueOn, message: row.round.message },
    roundUnitId: row.ru.id,
    openedAt: row.ru.openedAt,
  };
}

/** The actions a link reaches: those the round asked the unit about, or the unit's open actions. */
async function reachableActionIds(db: Db, opened: Opened) {
  if (opened.roundUnitId) {
    const rows = await db
      .select({ id: roundActions.actionId })
      .from(roundActions)
      .where(eq(roundActions.roundUnitId, opened.roundUnitId));
    return rows.map((r) => r.id);
  }
  const open = await chasedActionsOfUnits(db, opened.organisationId, [opened.unitId], null);
  return open.map((a) => a.id);
}

/** The unit's reports on these actions (in the link's round, if any), newest first. */
function reportsOfLink(db: Db, opened: Opened, actionIds: string[], latest: boolean) {
  return listReports(db, opened.organisationId, {
    actionIds,
    unitIds: [opened.unitId],
    roundId: opened.round?.id,
    latest,
  });
}

export async function respondPage(db: Db, opened: Opened, today: string): Promise<RespondPage> {
  if (opened.roundUnitId && !opened.openedAt) {
    await db
      .update(roundUnits)
      .set({ openedAt: sql`now()` as unknown as string })
      .where(eq(roundUnits.id, opened.roundUnitId));
  }
  const ids = await reachableActionIds(db, opened);
  const list = (await actionsWithUnits(db, opened.organisationId, ids)).filter(
    (a) => a.unitId === opened.unitId,
  );
  const reports = await reportsOfLink(db, opened, ids, true);
  return {
    organisationName: opened.organisationName,
    round: opened.round && {
      name: opened.round.name,
      dueOn: opened.round.dueOn,
      message: opened.round.message,
    },
    unit: { name: opened.unitName },
    actions: list.map((a) => {
      const due = a.dueTo ? { from: a.dueFrom, to: a.dueTo, inferred: false } : null;
      // Newest first: for a unit link, its latest report in any round or none.
      const report = reports.find((r) => r.actionId === a.id) ?? null;
      return {
        id: a.id,
        number: a.number,
        text: a.text,
        evaluationTitle: a.evaluationTitle,
        recommendationNumber: a.recommendationNumber,
        timeframe: a.timeframe,
        due,
        overdue: isOverdue(due, a.status, today),
        status: a.status,
        statuses: a.statuses,
        lastReport: report
          ? (({
              actionNumber: _n,
              actionText: _t,
              evaluationId: _e,
              evaluationTitle: _et,
              roundId: _r,
              ...rest
            }) => rest)(report)
          : null,
      };
    }),
  };
}

export interface EvidenceFile {
  name: string;
  data: Uint8Array;
}

/** Checks an evidence file's size and type (by its name and its first bytes). */
export function checkEvidence(file: EvidenceFile): { name: string; contentType: string; data: Uint8Array } {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const accepted = Object.keys(EVIDENCE_TYPES).join(', ');
  if (file.data.byteLength > EVIDENCE_MAX_BYTES) {
    throw new AppError(
      'too_large',
      413,
      `The file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB: send a smaller one or a link.`,
    );
  }
  const type = EVIDENCE_TYPES[ext];
  const head = Buffer.from(file.data.subarray(0, 8));
  const looksRight =
    ext === 'pdf'
      ? head.subarray(0, 5).toString('latin1') === '%PDF-'
      : ext === 'png'
        ? head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        : ext === 'jpg' || ext === 'jpeg'
          ? head[0] === 0xff && head[1] === 0xd8
          : ['docx', 'xlsx', 'pptx', 'odt', 'ods'].includes(ext)
            ? head.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004'
            : ext === 'txt' || ext === 'csv'
              ? !Buffer.from(file.data.subarray(0, 4096)).includes(0)
              : false;
  if (!type || !looksRight) {
    throw new AppError(
      'unsupported_type',
      415,
      type
        ? `The file “${file.name}” is not a real .${ext} file.`
        : `Files of this type cannot be sent as evidence. Accepted: ${accepted}.`,
    );
  }
  if (file.data.byteLength === 0)
    throw new Invalid('The file is empty.', [{ path: 'evidence', message: 'empty file' }]).because(
      'emptyFile',
    );
  return { name: file.name.slice(-200), contentType: type, data: file.data };
}

/** Records a unit's report on one of its actions in the round. */
export async function submitReport(
  db: Db,
  opened: Opened,
  actionId: string,
  input: Omit<ReportInput, 'file'> & { author?: string | null; file?: EvidenceFile | null },
  signedIn: { id: string; name: string; email: string } | null,
  today: string,
) {
  const ids = await reachableActionIds(db, opened);
  if (!ids.includes(actionId))
    throw new NotFound(opened.round ? 'action in this round' : 'open action of this unit');
  const file = input.file ? checkEvidence(input.file) : null;
  const author = signedIn?.name ?? input.author?.trim();
  if (!author)
    throw new Invalid('Say who reports this.', [{ path: 'author', message: 'give your name' }]).because(
      'giveAuthor',
    );
  if (!input.status && !input.comment?.trim() && !input.link && !file) {
    throw new Invalid('A report needs a status, a comment or evidence.', [
      { path: 'comment', message: 'say what was done' },
    ]).because('reportEmpty');
  }
  const caller: Caller = {
    user: signedIn,
    organisationId: opened.organisationId,
    role: null,
    unit: null,
    unitId: null,
    memberships: [],
    actorName: signedIn
      ? `${signedIn.name} <${signedIn.email}> for ${opened.unitName}`
      : `${author} for ${opened.unitName} (${opened.round ? 'round' : 'unit'} link)`,
  };
  await db.transaction(async (tx) => {
    await reportProgress(
      tx,
      caller,
      actionId,
      { status: input.status, comment: input.comment, link: input.link, file },
      { author, unitId: opened.unitId, roundId: opened.round?.id ?? null, recordedOn: today },
    );
    if (opened.roundUnitId) {
      await tx
        .update(roundUnits)
        .set({ answeredAt: sql`now()` as unknown as string })
        .where(eq(roundUnits.id, opened.roundUnitId));
    }
  });
}

/** An evidence file of the unit's reports reachable through the link. */
export async function evidenceOfLink(db: Db, opened: Opened, evidenceId: string) {
  const ids = await reachableActionIds(db, opened);
  const reports = await reportsOfLink(db, opened, ids, false);
  return getEvidence(
    db,
    opened.organisationId,
    evidenceId,
    reports.map((r) => r.id),
  );
}
