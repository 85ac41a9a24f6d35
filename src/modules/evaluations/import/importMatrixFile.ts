/**
 * Reads an uploaded matrix file: checks its size and kind, decodes text files (UTF-8, UTF-16 with
 * a byte-order mark, or Windows-1252), and refuses binary junk with a reason.
 */
import { TooLarge, Unsupported } from '../../../server/errors.js';
import type { ImportResult } from '../model.js';
import { importMatrixText } from './importMatrixText.js';

/** Largest matrix file accepted, in bytes (INTEGRA_MAX_IMPORT_MB, default 10 MB). */
export function maxImportBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.INTEGRA_MAX_IMPORT_MB ?? 10);
  return Math.max(1, Number.isFinite(mb) ? mb : 10) * 1024 * 1024;
}

export function checkImportSize(bytes: number, limit = maxImportBytes()): void {
  if (bytes > limit) {
    throw new TooLarge(
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; matrices up to ${Math.round(limit / 1024 / 1024)} MB are accepted.`,
    );
  }
}

/** Decodes a text file, or says why it is not one. */
export function decodeTextFile(buf: Buffer, name = 'the file'): string {
  if (buf.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    throw new Unsupported(
      `${name} is a Word (.docx) or other zipped file. Word import is not available yet: open it in Word, select all, and paste the text, or save it as plain text (.txt).`,
    );
  }
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new Unsupported(
      `${name} is a PDF. PDF import is not available yet: copy its text and paste it instead.`,
    );
  }
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else {
    if (buf.includes(0)) throw new Unsupported(`${name} is not a text file (it contains binary data).`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      text = new TextDecoder('windows-1252').decode(buf);
    }
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  if (text.length > 0 && controls / text.length > 0.01) {
    throw new Unsupported(`${name} is not a text file (it is mostly binary data).`);
  }
  return text;
}

/** Imports a matrix from an uploaded or local file. */
export function importMatrixFile(buf: Buffer, name: string): ImportResult {
  checkImportSize(buf.length);
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (ext === 'doc' || ext === 'rtf' || ext === 'odt') {
    throw new Unsupported(
      `.${ext} files cannot be read; save the matrix as plain text (.txt) or paste its text.`,
    );
  }
  return importMatrixText(decodeTextFile(buf, name), { sourceName: name });
}
