/**
 * The built-in scheduler: every minute, plan the reminders that are due and send the outbox. Its
 * state is in the database, so what fell due while the server was down goes out when it is back,
 * and several processes sharing a PostgreSQL server plan one at a time and never claim the same
 * message. Offices that prefer cron set INTEGRA_SCHEDULER=off and run `integra followup run`.
 */
import type { Db } from '../../db/client.js';
import type { Mailer } from '../../lib/mail.js';
import { markInterrupted } from './outbox.js';
import { type PlanContext, runFollowup } from './reminders.js';

export function startScheduler(
  db: Db,
  mailer: Mailer,
  ctx: PlanContext,
  onError: (err: unknown) => void,
  everyMs = 60_000,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= runFollowup(db, mailer, new Date(), ctx)
      .then(() => undefined)
      .catch(onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const first = markInterrupted(db).catch(onError).then(tick);
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await first;
      await running;
    },
  };
}
