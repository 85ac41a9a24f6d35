/**
 * Sending email over SMTP (nodemailer). Configured by SMTP_URL (smtp://user:pass@host:587, or
 * smtps:// for TLS from the start) and MAIL_FROM; without SMTP_URL nothing is sent and the screens
 * say so (invitation and round links can still be copied by hand).
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface Mail {
  to: string | string[];
  subject: string;
  text: string;
}

/** What the SMTP server said of each recipient; a refusal of every recipient throws instead. */
export interface SendResult {
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  readonly configured: boolean;
  send(mail: Mail): Promise<SendResult>;
}

/** An SMTP answer that will not change by trying again (5xx), as opposed to a passing failure. */
export function isPermanentFailure(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}

export function createMailer(smtpUrl: string | undefined, from = 'Integra <integra@localhost>'): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      send: async () => {
        throw new Error('Email is not configured on this server (SMTP_URL).');
      },
    };
  }
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  } as SMTPTransport.Options);
  return {
    configured: true,
    send: async (mail) => {
      const info = await transport.sendMail({ from, ...mail });
      const list = (xs: unknown[] | undefined) =>
        (xs ?? []).map((x) => (typeof x === 'string' ? x : (x as { address: string }).address));
      return { accepted: list(info.accepted), rejected: list(info.rejected) };
    },
  };
}
