/**
 * How many wrong passwords a sign-in may cost, per account and per address, counted in the
 * database (`sign_in_failures`) so the limits hold across processes and restarts.
 *
 * - Per address: an address with `perAddress` failed sign-ins in the last minute (against any
 *   accounts) waits before it may try again. Successful sign-ins never count, so an office behind
 *   one address is not held back by its own colleagues signing in.
 * - Per account: once an email has `perAccount.max` failures in `perAccount.windowMinutes` from any
 *   addresses, the account is under attack and slowed down: an address that has itself failed on
 *   it in the window is refused without its password being checked, and an address that has not
 *   gets one attempt — a correct password signs in (the owner, from their own address, is never
 *   locked out by strangers elsewhere), a wrong one is refused like the others and counts. So many
 *   addresses together get `max` guesses, then one per new address per window, instead of
 *   `perAddress` a minute each.
 *
 * Failures are counted for the email as typed, whether or not an account has it, so the answers
 * say nothing about which emails exist.
 */
import { and, desc, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { TooMany } from '../../server/errors.js';
import { signInFailures } from './schema.js';

export interface SignInLimits {
  /** Failed sign-ins a minute from one address. */
  perAddress: number;
  /** Failed sign-ins against one account, from any addresses, before it is slowed down. */
  perAccount: { max: number; windowMinutes: number };
}

export const DEFAULT_ACCOUNT_LIMIT = { max: 10, windowMinutes: 15 };

/** How long failures are kept: the longest window, with room. */
const KEEP = sql`interval '1 hour'`;

export const normaliseSignInEmail = (email: string) => email.trim().toLowerCase();

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const accountRefusal = (seconds: number) =>
  new TooMany(`Too many attempts on this account; try again in ${plural(minutes(seconds), 'minute')}.`);
const addressRefusal = (seconds: number) =>
  new TooMany(`Too many attempts; try again in ${plural(Math.max(1, Math.ceil(seconds)), 'second')}.`);

/** Seconds until the n-th newest of these failures leaves a window (null: fewer than n). */
async function secondsUntilNthExpires(db: Db, where: ReturnType<typeof and>, n: number, window: string) {
  const [row] = await db
    .select({
      seconds: sql<number>`extract(epoch from ${signInFailures.createdAt} + ${window}::interval - now())::float8`,
    })
    .from(signInFailures)
    .where(where)
    .orderBy(desc(signInFailures.createdAt))
    .offset(n - 1)
    .limit(1);
  return row ? Math.max(0, Number(row.seconds)) : null;
}

export type Verdict =
  /** Go ahead; a wrong password is recorded by `failed`. */
  { kind: 'try'; underAttack: boolean; attempt: string } | { kind: 'refused'; error: TooMany };

/**
 * Decides whether a sign-in from `address` as `email` may be tried, and records it as a failure
 * before it is tried (the attempt's id is given back): a burst of parallel attempts sees itself.
 * Call `succeeded` when the password was right, `failed` otherwise.
 */
export async function beforeSignIn(
  db: Db,
  limits: SignInLimits,
  rawEmail: string,
  address: string,
): Promise<Verdict> {
  const email = normaliseSignInEmail(rawEmail);
  const window = `${limits.perAccount.windowMinutes} minutes`;
  const recentForAccount = and(
    eq(signInFailures.email, email),
    gt(signInFailures.createdAt, sql`now() - ${window}::interval`),
  );
  const fromAddress = and(
    eq(signInFailures.address, address),
    gt(signInFailures.createdAt, sql`now() - interval '1 minute'`),
  );
  const [counts] = await db
    .select({
      account: sql<number>`(count(*) filter (where ${recentForAccount}))::int`,
      own: sql<number>`(count(*) filter (where ${recentForAccount} and ${signInFailures.address} = ${address}))::int`,
      address: sql<number>`(count(*) filter (where ${fromAddress}))::int`,
    })
    .from(signInFailures)
    .where(
      and(
        or(eq(signInFailures.email, email), eq(signInFailures.address, address)),
        gt(signInFailures.createdAt, sql`now() - ${window}::interval - interval '1 minute'`),
      ),
    );
  if (Number(counts.address) >= limits.perAddress) {
    const wait = await secondsUntilNthExpires(db, fromAddress, limits.perAddress, '1 minute');
    return { kind: 'refused', error: addressRefusal(wait ?? 60) };
  }
  const underAttack = Number(counts.account) >= limits.perAccount.max;
  if (underAttack && Number(counts.own) > 0) {
    return { kind: 'refused', error: await accountRefusalFor(db, limits, email, address) };
  }
  const [row] = await db
    .insert(signInFailures)
    .values({ email, address })
    .returning({ id: signInFailures.id });
  return { kind: 'try', underAttack, attempt: row.id };
}

/** The refusal of an account under attack, saying when this address may try again. */
export async function accountRefusalFor(
  db: Db,
  limits: SignInLimits,
  rawEmail: string,
  address: string,
): Promise<TooMany> {
  const email = normaliseSignInEmail(rawEmail);
  const window = `${limits.perAccount.windowMinutes} minutes`;
  const recentForAccount = and(
    eq(signInFailures.email, email),
    gt(signInFailures.createdAt, sql`now() - ${window}::interval`),
  );
  // Free again when the account is no longer under attack, or when this address's own failures
  // have left the window, whichever comes first.
  const accountFree = await secondsUntilNthExpires(db, recentForAccount, limits.perAccount.max, window);
  const ownFree = await secondsUntilNthExpires(
    db,
    and(recentForAccount, eq(signInFailures.address, address)),
    1,
    window,
  );
  const waits = [accountFree, ownFree].filter((s): s is number => s !== null);
  return accountRefusal(waits.length ? Math.min(...waits) : limits.perAccount.windowMinutes * 60);
}

/** The password was right (or the request was not a guess at all): the attempt does not count. */
export async function notAFailure(db: Db, attempt: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.id, attempt));
}

/** Forgets failures older than any window (called after failures, so the table stays small). */
export async function forgetOldFailures(db: Db): Promise<void> {
  await db.delete(signInFailures).where(lt(signInFailures.createdAt, sql`now() - ${KEEP}`));
}
