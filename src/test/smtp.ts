/** A real SMTP server on a free port for tests: keeps what it receives, refuses addresses it is told to. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  /** The message (headers and body), quoted-printable soft breaks undone: for finding links. */
  text: string;
  /** The message exactly as received, for a MIME parser (mailparser) to decode. */
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Recipients the server refuses with a 550, as a mailbox that does not exist. */
  refuse: Set<string>;
  /** The first email (received already or later) to this address, and saying what `about` matches. */
  mailTo(address: string, about?: RegExp): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const waiting: { matches: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const err = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      let text = '';
      stream.on('data', (c: Buffer) => {
        text += c.toString('utf8');
      });
      stream.on('end', () => {
        const mail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          text: text.replace(/=\r?\n/g, '').replace(/=3D/g, '='),
          raw: text,
        };
        received.push(mail);
        for (const w of waiting.filter((x) => x.matches(mail))) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(mail);
        }
        callback();
      });
    },
  });
  // A client that goes away mid-conversation (a killed process) resets its connection.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    mailTo: (address, about) =>
      new Promise((resolve) => {
        const matches = (m: ReceivedMail) => m.to.includes(address) && (!about || about.test(m.text));
        const found = received.find(matches);
        if (found) resolve(found);
        else waiting.push({ matches, resolve });
      }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The links in a plain-text email. */
export const linksIn = (mail: string): string[] => mail.match(/https?:\/\/[^\s>]+/g) ?? [];
