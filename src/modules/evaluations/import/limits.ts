/**
 * The last step of every matrix reading (pasted text, .txt, .docx, .pdf): characters that cannot
 * be stored are dropped, and a reading larger than Integra keeps is refused with a reason — never
 * handed on to fail later as a server error when it is sent back or saved.
 */
import { Invalid, TooLarge } from '../../../server/errors.js';
import { type ImportResult, importResultSchema } from '../model.js';

/** Largest matrix file or pasted text accepted, in bytes (INTEGRA_MAX_IMPORT_MB, default 10 MB). */
export function maxImportBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.INTEGRA_MAX_IMPORT_MB ?? 10);
  return Math.max(1, Number.isFinite(mb) ? mb : 10) * 1024 * 1024;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export function checkImportSize(bytes: number, limit = maxImportBytes()): void {
  if (bytes > limit) {
    throw new TooLarge(
      `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; matrices up to ${megabytes(limit)} are accepted.`,
    ).because('fileTooLarge', { max: Math.round(limit / 1024 / 1024) });
  }
}

/** Refuses a file whose text (what a Word file or PDF unpacks to) is larger than a text file may be. */
export function checkTextSize(chars: number, name: string, limit = maxImportBytes()): void {
  if (chars > limit) {
    throw new TooLarge(
      `${name} holds more than ${megabytes(limit)} of text; matrices up to ${megabytes(limit)} are read.`,
    );
  }
}

export const MATRIX_LIMITS = {
  /** Lines read (text lines; paragraphs and table rows of a Word file; rows of text of a PDF). */
  maxLines: 100_000,
  /** Recommendations in one import (the saved evaluation allows no more either). */
  maxRecommendations: 500,
  /** Key actions in one import, all recommendations together. */
  maxActions: 5_000,
  /** Field problems listed in a refusal; the rest are counted. */
  maxDetails: 20,
};

// NUL and the other C0 controls but tab, line feed and carriage return: never text in a matrix,
// and PostgreSQL refuses NUL in text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Half of a UTF-16 pair without its other half (from broken files or JSON escapes): not storable as UTF-8.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as it can be stored: control characters dropped, lone surrogates replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}

/** Every string in a reading made storable (the reading is plain data a few levels deep). */
function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)])) as T;
  }
  return value;
}

/** Refuses a reading of more lines than MATRIX_LIMITS.maxLines, before the slower matrix reading. */
export function checkLineCount(lines: number, name: string): void {
  if (lines > MATRIX_LIMITS.maxLines) {
    throw new TooLarge(
      `${name} has more than ${MATRIX_LIMITS.maxLines.toLocaleString('en')} lines; Integra reads matrices up to that size.`,
    );
  }
}

/** The number of lines of a text, as the reader splits it (on LF, CRLF or CR). */
export function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Cleans a reading and checks it against the limits; returns it, or throws a refusal. */
export function finishReading(result: ImportResult): ImportResult {
  const recommendations = result.evaluation.recommendations.length;
  if (recommendations > MATRIX_LIMITS.maxRecommendations) {
    throw new TooLarge(
      `The matrix has ${plural(recommendations, 'recommendation', 'recommendations')}; Integra reads up to ${MATRIX_LIMITS.maxRecommendations} in one import. Split it into several files.`,
    );
  }
  const actions = result.evaluation.recommendations.reduce((n, r) => n + r.actions.length, 0);
  if (actions > MATRIX_LIMITS.maxActions) {
    throw new TooLarge(
      `The matrix has ${plural(actions, 'key action', 'key actions')}; Integra reads up to ${MATRIX_LIMITS.maxActions.toLocaleString('en')} in one import. Split it into several files.`,
    );
  }
  const cleaned = cleanStrings(result);
  const checked = importResultSchema.safeParse(cleaned);
  if (checked.success) return cleaned;
  const issues = checked.error.issues;
  const details = issues.slice(0, MATRIX_LIMITS.maxDetails).map((i) => ({
    // Paths as the warnings give them: into the evaluation ("recommendations.4.text").
    path: i.path
      .map(String)
      .join('.')
      .replace(/^evaluation\./, ''),
    message:
      i.code === 'too_big' && 'maximum' in i
        ? `longer than Integra keeps: at most ${Number(i.maximum).toLocaleString('en')} ${i.origin === 'string' ? 'characters' : 'entries'}`
        : i.message,
  }));
  if (issues.length > details.length) {
    details.push({ path: '', message: `and ${issues.length - details.length} more` });
  }
  throw new Invalid(
    'The matrix was read, but some fields are longer than Integra keeps (see the details); this usually means the layout of the file was not recognised there. Check those places in the file and import it again.',
    details,
  );
}
