/**
 * The server's secret: signs session cookies and the personal links of follow-up rounds.
 * INTEGRA_SECRET when set (several servers sharing a database need the same one), otherwise one
 * made once and kept, readable by this user only, in the data folder — so the CLI and the server
 * sign links alike.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function serverSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INTEGRA_SECRET) return env.INTEGRA_SECRET;
  const folder = env.INTEGRA_DATA || 'data';
  const file = path.join(folder, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(folder, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The address people open Integra at, for links in emails: INTEGRA_URL, else this machine's. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.INTEGRA_URL || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
}
