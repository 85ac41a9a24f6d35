/**
 * The personal links of responsible units, signed with the server's secret (HMAC-SHA-256).
 * Nothing secret is stored: a link is checked by signing it again and revoked by raising a version.
 * - A round link `<round unit id>.<version>.<signature>` reaches the unit's actions in one round
 *   and dies when the round closes.
 * - A unit link `u.<unit id>.<version>.<signature>` reaches the unit's open actions outside any
 *   round: it is what an action reminder carries when no open round asks the unit about them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const sign = (secret: string, purpose: string, payload: string) =>
  createHmac('sha256', secret).update(`${purpose}:${payload}`).digest('base64url').slice(0, 32);

export function roundLinkToken(secret: string, roundUnitId: string, version: number): string {
  const payload = `${roundUnitId}.${version}`;
  return `${payload}.${sign(secret, 'round-link', payload)}`;
}

export function unitLinkToken(secret: string, unitId: string, version: number): string {
  const payload = `${unitId}.${version}`;
  return `u.${payload}.${sign(secret, 'unit-link', payload)}`;
}

export type LinkTarget =
  | { kind: 'round'; roundUnitId: string; version: number }
  | { kind: 'unit'; unitId: string; version: number };

/** What a token names, or null when it was not signed by this server. */
export function readLinkToken(secret: string, token: string): LinkTarget | null {
  const m = /^(u\.)?([0-9a-f-]{36})\.(\d{1,9})\.([\w-]{32})$/.exec(token);
  if (!m) return null;
  const unit = Boolean(m[1]);
  const expected = Buffer.from(sign(secret, unit ? 'unit-link' : 'round-link', `${m[2]}.${m[3]}`));
  const given = Buffer.from(m[4]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const version = Number(m[3]);
  return unit ? { kind: 'unit', unitId: m[2], version } : { kind: 'round', roundUnitId: m[2], version };
}

/** The round unit and version a round link names, or null. */
export function readRoundLinkToken(secret: string, token: string) {
  const read = readLinkToken(secret, token);
  return read?.kind === 'round' ? { roundUnitId: read.roundUnitId, version: read.version } : null;
}

export const respondPath = (token: string) => `/respond/${token}`;
