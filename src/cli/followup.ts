/**
 * `integra followup preview [--today YYYY-MM-DD] [--json]`: the emails the scheduler would send
 * now, exactly as it would send them, writing nothing; `integra followup run`: plan and send them
 * (for offices that run it from cron with INTEGRA_SCHEDULER=off on the server).
 */

import { createMailer } from '../lib/mail.js';
import { publicBaseUrl, serverSecret } from '../lib/secret.js';
import { isoDate } from '../modules/actions/model.js';
import { markInterrupted } from '../modules/followup/outbox.js';
import { previewFollowup, runFollowup } from '../modules/followup/reminders.js';
import { Invalid } from '../server/errors.js';
import { out, say, withDatabase } from './io.js';

const context = (today?: string) => {
  if (today !== undefined && !isoDate.safeParse(today).success) {
    throw new Invalid(`--today ${today} is not a date written YYYY-MM-DD.`);
  }
  return { secret: serverSecret(), linkBase: publicBaseUrl(), today };
};

export async function followupPreviewCommand(opts: { today?: string; json?: boolean }): Promise<void> {
  const ctx = context(opts.today);
  const messages = await withDatabase((database) => previewFollowup(database.db, new Date(), ctx));
  if (opts.json) {
    out(JSON.stringify({ messages }, null, 2));
    return;
  }
  if (messages.length === 0) say('Nothing would be sent now.');
  for (const m of messages) {
    out(`${m.kind}\t${m.to.join(', ')}\t${m.unit ?? ''}\t${m.evaluation ?? ''}\t${m.actions.join(' ')}`);
  }
}

export async function followupRunCommand(opts: { today?: string }): Promise<void> {
  const ctx = context(opts.today);
  const mailer = createMailer(process.env.SMTP_URL || undefined, process.env.MAIL_FROM || undefined);
  if (!mailer.configured)
    throw new Invalid(
      'SMTP_URL is not set: no email can be sent. `followup preview` shows what would go out.',
    );
  const result = await withDatabase(async (database) => {
    const interrupted = await markInterrupted(database.db);
    return { interrupted, ...(await runFollowup(database.db, mailer, new Date(), ctx)) };
  });
  out(JSON.stringify(result));
  say(
    `Queued ${result.queued} reminder(s); sent ${result.sent}, failed ${result.failed}${result.interrupted ? `; ${result.interrupted} interrupted earlier (may not have been sent)` : ''}.`,
  );
}
