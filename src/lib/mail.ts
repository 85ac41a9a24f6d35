/**
 * Sending email over SMTP (nodemailer). Configured by SMTP_URL (smtp://user:pass@host:587, or
 * smtps:// for TLS from the start) and MAIL_FROM; without SMTP_URL nothing is sent and the screens
 * say so (invitation links can still be copied by hand).
 */
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly configured: boolean;
  send(mail: Mail): Promise<void>;
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
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
  };
}
