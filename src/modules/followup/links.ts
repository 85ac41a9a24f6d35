/**
 * The personal link of a unit in a round: `<round unit id>.<version>.<signature>`, signed with the
 * server's secret (HMAC-SHA-256). Nothing secret is stored: a link is checked by signing it again,
 * revoked by raising the round unit's version, and dead once the round closes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`round-link:${payload}`).digest('base64url').slice(0, 32);

export function roundLinkToken(secret: string, roundUnitId: string, version: number): string {
  const payload = `${roundUnitId}.${version}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The round unit and version a token names, or null when it was not signed by this server. */
export function readRoundLinkToken(
  secret: string,
  token: string,
): { roundUnitId: string; version: number } | null {
  const m = /^([0-9a-f-]{36})\.(\d{1,9})\.([\w-]{32})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(sign(secret, `${m[1]}.${m[2]}`));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { roundUnitId: m[1], version: Number(m[2]) };
}

export const respondPath = (token: string) => `/respond/${token}`;
