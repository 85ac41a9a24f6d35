/**
 * Organisations, people and their roles: the first administrator, invitations by link, members
 * and their roles, and who a request's caller is. Sign-in itself (sessions, passwords, resets) is
 * better-auth's (auth.ts); people are created here, never by signing up.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Caller, type Membership, type Role, systemCaller } from '../../server/caller.js';
import { Conflict, Invalid, NotFound } from '../../server/errors.js';
import { recordChange } from '../audit/service.js';
import type { UnitRef } from '../units/model.js';
import { units } from '../units/schema.js';
import { unitNamed, unitsOfOrganisation } from '../units/service.js';
import type { InvitationInput, MemberPatch, NewUserInput } from './model.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
import { authAccounts, invitations, memberships, organisations, users } from './schema.js';

export async function ensureDefaultOrganisation(db: Db, name = 'My organisation'): Promise<string> {
  const [first] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (first) return first.id;
  const [created] = await db.insert(organisations).values({ name }).returning({ id: organisations.id });
  return created.id;
}

export async function createOrganisation(db: Db, name: string): Promise<string> {
  const [created] = await db.insert(organisations).values({ name }).returning({ id: organisations.id });
  return created.id;
}

/** True until the first person exists: the app then asks for the first administrator. */
export async function setupNeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row.n) === 0;
}

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Invalid('The password is too short.', [
      { path: 'password', message: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]).because('passwordShort', { min: MIN_PASSWORD_LENGTH });
  }
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * The unit a contributor speaks for, given by id or by name as written in the matrices (a name
 * the directory does not know adds the unit). Other roles speak for no unit.
 */
async function unitFor(
  db: Db,
  caller: Caller,
  role: Role,
  given: { unit?: string | null; unitId?: string | null },
): Promise<UnitRef | null> {
  if (role !== 'contributor') return null;
  if (given.unitId) {
    const names = await unitsOfOrganisation(db, caller.organisationId, [given.unitId], () => 'unitId');
    return { id: given.unitId, name: names.get(given.unitId)! };
  }
  if (given.unit?.trim()) return unitNamed(db, caller, given.unit.trim());
  return null;
}

/** A person with a password, in one organisation with a role. */
export async function createUser(
  db: Db,
  input: NewUserInput & { organisationId: string; role: Role; unit?: string | null; unitId?: string | null },
): Promise<string> {
  checkPassword(input.password);
  const email = normaliseEmail(input.email);
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) {
      throw new Conflict(`There is already an account for ${email}.`).because('accountExists', { email });
    }
    const [user] = await tx
      .insert(users)
      .values({ name: input.name.trim(), email, emailVerified: false })
      .returning({ id: users.id });
    await tx
      .insert(authAccounts)
      .values({ userId: user.id, accountId: user.id, providerId: 'credential', password: hash });
    const unit = await unitFor(tx, systemCaller(input.organisationId), input.role, input);
    await tx.insert(memberships).values({
      organisationId: input.organisationId,
      userId: user.id,
      role: input.role,
      unitId: unit?.id ?? null,
    });
    return user.id;
  });
}

/** The first administrator, only while nobody exists yet (first start, or the CLI). */
export async function createFirstAdmin(db: Db, input: NewUserInput): Promise<string> {
  return db.transaction(async (tx) => {
    // Serialise concurrent first starts: only one can see an empty table.
    await tx.execute(sql`lock table ${users} in exclusive mode`);
    if (!(await setupNeeded(tx))) throw new Conflict('Integra already has an administrator: sign in.');
    const organisationId = await ensureDefaultOrganisation(tx);
    return createUser(tx, { ...input, organisationId, role: 'admin' });
  });
}

/** The caller of a request: their memberships, and the organisation and role they work in. */
export async function callerOf(
  db: Db,
  user: { id: string; email: string; name: string } | null,
  requestedOrganisation: string | undefined,
  publicOrganisation: string,
): Promise<Caller> {
  if (!user) {
    return {
      user: null,
      organisationId: publicOrganisation,
      role: null,
      unitId: null,
      unit: null,
      memberships: [],
    };
  }
  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
      unitId: memberships.unitId,
      unit: units.name,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(units, eq(units.id, memberships.unitId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(organisations.createdAt));
  const list = rows.map((r) => ({ ...r, role: r.role as Role }));
  const current = list.find((m) => m.organisationId === requestedOrganisation) ?? list[0];
  return {
    user,
    organisationId: current?.organisationId ?? publicOrganisation,
    role: current?.role ?? null,
    unitId: current?.unitId ?? null,
    unit: current?.unit ?? null,
    memberships: list satisfies Membership[],
  };
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Invites someone by link (valid 7 days); returns the token that goes into the link. */
export async function invite(db: Db, caller: Caller, input: InvitationInput) {
  const token = randomBytes(24).toString('base64url');
  const email = normaliseEmail(input.email);
  const expiresAt = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  return db.transaction(async (tx) => {
    const [already] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(users.email, email), eq(memberships.organisationId, caller.organisationId)));
    if (already) throw new Conflict(`${email} is already a member.`).because('alreadyMember', { email });
    const unit = await unitFor(tx, caller, input.role, input);
    const [row] = await tx
      .insert(invitations)
      .values({
        organisationId: caller.organisationId,
        email,
        role: input.role,
        unitId: unit?.id ?? null,
        tokenHash: tokenHash(token),
        invitedBy: caller.user?.id ?? null,
        expiresAt,
      })
      .returning();
    await recordChange(tx, caller, {
      entity: 'invitation',
      entityId: row.id,
      operation: 'create',
      before: null,
      after: { email, role: row.role, unit: unit?.name ?? null, expiresAt },
    });
    return {
      id: row.id,
      token,
      email,
      role: row.role as Role,
      unitId: unit?.id ?? null,
      unit: unit?.name ?? null,
      expiresAt,
    };
  });
}

async function openInvitation(db: Db, token: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      organisationId: invitations.organisationId,
      organisationName: organisations.name,
      email: invitations.email,
      role: invitations.role,
      unitId: invitations.unitId,
      unit: units.name,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(units, eq(units.id, invitations.unitId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    );
  if (!row) throw new NotFound('invitation (it may have expired, been withdrawn or been used already)');
  return { ...row, role: row.role as Role };
}

/** What an invitation link offers, for the page that accepts it. */
export async function describeInvitation(db: Db, token: string) {
  const { organisationName, email, role, unit, expiresAt } = await openInvitation(db, token);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { organisationName, email, role, unit, expiresAt, hasAccount: Boolean(existing) };
}

/**
 * Accepts an invitation: a new person chooses their name and password; someone who already has
 * an account (signed in as that email) joins the organisation.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: { name?: string; password?: string },
  signedIn: { id: string; email: string } | null,
): Promise<{ userId: string; email: string }> {
  return db.transaction(async (tx) => {
    const inv = await openInvitation(tx, token);
    const [existing] = await tx.select().from(users).where(eq(users.email, inv.email));
    let userId: string;
    if (existing) {
      if (signedIn?.id !== existing.id) {
        throw new Invalid(`Sign in as ${inv.email} first, then open the invitation again.`);
      }
      userId = existing.id;
      await tx
        .insert(memberships)
        .values({ organisationId: inv.organisationId, userId, role: inv.role, unitId: inv.unitId })
        .onConflictDoUpdate({
          target: [memberships.organisationId, memberships.userId],
          set: { role: inv.role, unitId: inv.unitId },
        });
    } else {
      if (!input.name?.trim()) throw new Invalid('Give your name.', [{ path: 'name', message: 'required' }]);
      checkPassword(input.password ?? '');
      userId = await createUser(tx, {
        name: input.name,
        email: inv.email,
        password: input.password ?? '',
        organisationId: inv.organisationId,
        role: inv.role,
        unitId: inv.unitId,
      });
    }
    await tx.update(invitations).set({ acceptedAt: sql`now()` }).where(eq(invitations.id, inv.id));
    await recordChange(
      tx,
      {
        user: { id: userId, email: inv.email, name: input.name ?? existing?.name ?? inv.email },
        organisationId: inv.organisationId,
        role: inv.role,
        unitId: inv.unitId,
        unit: inv.unit,
        memberships: [],
      },
      {
        entity: 'membership',
        entityId: userId,
        operation: 'create',
        before: null,
        after: { email: inv.email, role: inv.role, unit: inv.unit },
        reason: 'accepted an invitation',
      },
    );
    return { userId, email: inv.email };
  });
}

/** The organisation's members and open invitations. */
export async function listMembers(db: Db, organisationId: string) {
  const members = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      unitId: memberships.unitId,
      unit: units.name,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(units, eq(units.id, memberships.unitId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
  const open = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      unitId: invitations.unitId,
      unit: units.name,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(units, eq(units.id, invitations.unitId))
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  return {
    members: members.map((m) => ({ ...m, role: m.role as Role })),
    invitations: open.map((i) => ({ ...i, role: i.role as Role })),
  };
}

/** A member's role and unit (id and name), locked for the change. */
async function membershipOf(db: Db, organisationId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role, unitId: memberships.unitId, unit: units.name })
    .from(memberships)
    .leftJoin(units, eq(units.id, memberships.unitId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .for('update', { of: memberships });
  if (!row) throw new NotFound('member');
  return row;
}

async function adminCount(db: Db, organisationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')));
  return Number(row.n);
}

/** Changes a member's role or unit; an organisation always keeps one administrator. */
export async function updateMember(db: Db, caller: Caller, userId: string, patch: MemberPatch) {
  return db.transaction(async (tx) => {
    const before = await membershipOf(tx, caller.organisationId, userId);
    const role = patch.role ?? (before.role as Role);
    if (before.role === 'admin' && role !== 'admin' && (await adminCount(tx, caller.organisationId)) <= 1) {
      throw new Conflict('An organisation needs at least one administrator.').because('lastAdministrator');
    }
    const unchanged = patch.unit === undefined && patch.unitId === undefined;
    const unit = unchanged
      ? role === 'contributor' && before.unitId
        ? { id: before.unitId, name: before.unit ?? '' }
        : null
      : await unitFor(tx, caller, role, patch);
    await tx
      .update(memberships)
      .set({ role, unitId: unit?.id ?? null })
      .where(and(eq(memberships.organisationId, caller.organisationId), eq(memberships.userId, userId)));
    await recordChange(tx, caller, {
      entity: 'membership',
      entityId: userId,
      operation: 'update',
      before: { role: before.role, unit: before.unit },
      after: { role, unit: unit?.name ?? null },
      reason: patch.reason,
    });
  });
}

/** Removes someone from the organisation (their account and history stay). */
export async function removeMember(db: Db, caller: Caller, userId: string, reason?: string) {
  return db.transaction(async (tx) => {
    const before = await membershipOf(tx, caller.organisationId, userId);
    if (before.role === 'admin' && (await adminCount(tx, caller.organisationId)) <= 1) {
      throw new Conflict('An organisation needs at least one administrator.').because('lastAdministrator');
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organisationId, caller.organisationId), eq(memberships.userId, userId)));
    await recordChange(tx, caller, {
      entity: 'membership',
      entityId: userId,
      operation: 'delete',
      before: { role: before.role, unit: before.unit },
      after: null,
      reason,
    });
  });
}

/** A new organisation with an existing person as its administrator (a second network, say). */
export async function createOrganisationWithAdmin(db: Db, name: string, adminEmail: string): Promise<string> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, normaliseEmail(adminEmail)));
    if (!user) throw new NotFound(`person with the email ${adminEmail} (create them first)`);
    if (!name.trim())
      throw new Invalid('Give the organisation a name.', [{ path: 'name', message: 'required' }]);
    const id = await createOrganisation(tx, name.trim());
    await tx.insert(memberships).values({ organisationId: id, userId: user.id, role: 'admin' });
    return id;
  });
}

/** The language a person chose for the app and their emails (null: none yet). */
export async function languageOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ language: users.language }).from(users).where(eq(users.id, userId));
  return row?.language ?? null;
}

export async function setLanguage(db: Db, userId: string, language: string): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, userId));
}
