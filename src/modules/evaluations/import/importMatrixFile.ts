/**
 * Reads an uploaded or local matrix file of any supported kind: plain text (UTF-8, UTF-16 with a
 * byte-order mark, or Windows-1252), Word (.docx) or PDF. Checks its size first and refuses
 * binary junk, damaged files and hostile archives with a reason; every reading ends with
 * `finishReading` (limits.ts), which refuses one larger than Integra keeps.
 */
import { Unsupported } from '../../../server/errors.js';
import type { ImportResult, ImportSources } from '../model.js';
import { importMatrixLines, importMatrixText, type MatrixTextOptions } from './importMatrixText.js';
import { checkImportSize, checkLineCount, countLines, finishReading } from './limits.js';
import { readDocxLines } from './readDocx.js';
import { readPdfLines } from './readPdf.js';

export { checkImportSize, maxImportBytes } from './limits.js';

const isZip = (buf: Buffer) => buf.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004';
const isPdf = (buf: Buffer) => buf.subarray(0, 5).toString('latin1') === '%PDF-';
const isOle = (buf: Buffer) => buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));

/** Decodes a text file, or says why it is not one. */
export function decodeTextFile(buf: Buffer, name = 'the file'): string {
  let text: string;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else {
    if (buf.includes(0))
      throw new Unsupported(
        `${name} is not a text, Word (.docx) or PDF file (it contains binary data).`,
      ).because('binary', { name });
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      text = new TextDecoder('windows-1252').decode(buf);
    }
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  if (text.length > 0 && controls / text.length > 0.01) {
    throw new Unsupported(
      `${name} is not a text, Word (.docx) or PDF file (it is mostly binary data).`,
    ).because('binary', { name });
  }
  return text;
}

/** Imports a matrix from a file, whatever its kind: told by its content, not its name. */
export async function importMatrixFile(buf: Buffer, name: string): Promise<ImportResult> {
  return finishReading(await readMatrixFile(buf, name));
}

/** Imports pasted text: the same reading as a .txt file, and the same limits. */
export function importMatrixPaste(text: string, options: MatrixTextOptions = {}): ImportResult {
  checkImportSize(Buffer.byteLength(text));
  checkLineCount(countLines(text), 'The text');
  return finishReading(importMatrixText(text, options));
}

async function readMatrixFile(buf: Buffer, name: string): Promise<ImportResult> {
  checkImportSize(buf.length);
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (isZip(buf) || isOle(buf) || ext === 'docx') {
    if (ext === 'xlsx' || ext === 'pptx' || ext === 'odt') {
      throw new Unsupported(
        `.${ext} files are not matrices Integra reads: use the Word (.docx), PDF or text version.`,
      ).because('notMatrixKind', { ext });
    }
    const lines = await readDocxLines(buf, name);
    checkLineCount(lines.length, name);
    return withDocument(importMatrixLines(lines, { sourceName: name }), { kind: 'docx' });
  }
  if (isPdf(buf) || ext === 'pdf') {
    const { lines, warnings, pages } = await readPdfLines(buf, name);
    checkLineCount(lines.length, name);
    const result = withDocument(importMatrixLines(lines, { sourceName: name }), { kind: 'pdf', pages });
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }
  if (ext === 'doc' || ext === 'rtf') {
    throw new Unsupported(
      `.${ext} files cannot be read; save the matrix as Word (.docx) or plain text (.txt).`,
    ).because('oldFormat', { ext });
  }
  const text = decodeTextFile(buf, name);
  checkLineCount(countLines(text), name);
  return withDocument(importMatrixText(text, { sourceName: name }), { kind: 'text' });
}

function withDocument(result: ImportResult, document: NonNullable<ImportSources['document']>): ImportResult {
  return result.sources ? { ...result, sources: { ...result.sources, document } } : result;
}
