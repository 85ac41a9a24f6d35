/** Starts Integra: opens the database (embedded unless DATABASE_URL is set), migrates, serves. */
import { DataFolderLocked, databaseOptionsFromEnv, openDatabase } from '../db/client.js';
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { ensureBuiltInFrameworks } from '../modules/frameworks/service.js';
import { buildApp } from './app.js';

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
  const app = await buildApp({
    db: database.db,
    organisationId,
    logLevel: process.env.INTEGRA_LOG ?? 'warn',
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
