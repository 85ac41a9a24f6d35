/** The CLI's two streams: machine output on stdout, messages on stderr. */
export const say = (message: string) => process.stderr.write(`${message}\n`);
export const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
