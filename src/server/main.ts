/** Starts Integra: opens the database (embedded unless DATABASE_URL is set), migrates, serves. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataFolderLocked, databaseOptionsFromEnv, openDatabase } from '../db/client.js';
import { createMailer } from '../lib/mail.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { buildApp } from './app.js';

/** The secret signing session cookies, made once and kept (readable by this user only) in the data folder. */
function keptSecret(folder: string): string {
  const file = path.join(folder, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(folder, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(databaseOptionsFromEnv());
  } catch (err) {
    if (err instanceof DataFolderLocked) {
      console.error(`integra: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const organisationId = await ensureDefaultOrganisation(database.db);
  await ensureBuiltInFrameworks(database.db);
  const env = process.env;
  const app = await buildApp({
    db: database.db,
    organisationId,
    logLevel: env.INTEGRA_LOG ?? 'warn',
    baseUrl: env.INTEGRA_URL || null,
    secret: env.INTEGRA_SECRET || keptSecret(env.INTEGRA_DATA ?? 'data'),
    mailer: createMailer(env.SMTP_URL || undefined, env.MAIL_FROM || undefined),
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET }
        : null,
  });
  // The embedded database has no autovacuum: keep its statistics fresh while the server runs.
  const maintenance = setInterval(() => void database.maintain().catch(() => undefined), 10 * 60_000);
  maintenance.unref();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(
    `\nIntegra is running at http://${shown}:${actualPort}  (data: ${database.location}; API docs at /api/docs)\n`,
  );
}

main().catch((err) => {
  console.error('integra: could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
