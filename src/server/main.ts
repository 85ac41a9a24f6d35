/** Starts Integra: opens the database (embedded unless DATABASE_URL is set), migrates, serves. */
import { DataFolderLocked, databaseOptionsFromEnv, openDatabase } from '../db/client.js';
import { createMailer } from '../lib/mail.js';
import { publicBaseUrl, serverSecret } from '../lib/secret.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { startScheduler } from '../modules/followup/scheduler.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { buildApp } from './app.js';

async function main() {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  const options = databaseOptionsFromEnv();
  console.error(
    options.url
      ? 'integra: connecting to the PostgreSQL server (DATABASE_URL) and bringing its tables up to date…'
      : `integra: opening the embedded database in ${options.dataDir} and bringing its tables up to date…`,
  );
  try {
    database = await openDatabase(options);
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
  const mailer = createMailer(env.SMTP_URL || undefined, env.MAIL_FROM || undefined);
  const secret = serverSecret(env);
  const app = await buildApp({
    db: database.db,
    organisationId,
    logLevel: env.INTEGRA_LOG ?? 'warn',
    baseUrl: env.INTEGRA_URL || null,
    secret,
    mailer,
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
  let scheduler: { stop(): Promise<void> } | null = null;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await scheduler?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.error('integra: starting the web server…');
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  // Reminders and the outbox, unless an office runs `integra followup run` from cron instead.
  if (env.INTEGRA_SCHEDULER !== 'off') {
    scheduler = startScheduler(
      database.db,
      mailer,
      { secret, linkBase: publicBaseUrl({ ...env, PORT: String(actualPort) }) },
      (err) => console.error('integra: follow-up scheduler:', err instanceof Error ? err.message : err),
    );
  }
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(
    `\nIntegra is running at http://${shown}:${actualPort}  (data: ${database.location}; API docs at /api/docs)\n`,
  );
}

main().catch((err) => {
  console.error('integra: could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
