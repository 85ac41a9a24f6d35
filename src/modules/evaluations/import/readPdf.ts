/**
 * Reads a PDF matrix into lines of cells, best effort: pdf.js gives each piece of text with its
 * position; pieces are gathered into rows by their height on the page, and a row is cut into
 * cells where the key-action table's header put its columns (elsewhere, at wide gaps). Every
 * guess it had to make becomes a warning.
 *
 * pdf.js runs in a worker thread per PDF (pdfText.worker.mjs), under a heap ceiling and a time
 * limit: a PDF whose streams inflate to gigabytes, or that takes minutes to parse, is refused
 * without stalling or exhausting the server, and pdf.js's memory is given back when it ends.
 */
import { Worker } from 'node:worker_threads';
import { Invalid, TooLarge, Unsupported } from '../../../server/errors.js';
import type { ImportWarning } from '../model.js';
import { maxImportBytes } from './limits.js';
import { cleanCell, type MatrixLine } from './lines.js';

export const PDF_LIMITS = {
  maxPages: 300,
  /** Longest a PDF may take to read. */
  maxSeconds: 30,
  /** Heap the reading of one PDF may use. */
  maxHeapMb: 512,
  /** What the PDF's compressed (Flate) streams may inflate to, in all. */
  maxInflatedBytes: 256 * 1024 * 1024,
  /** PDFs read at the same time; more wait their turn. */
  workers: 2,
  /** A reader idle this long is ended, and its memory given back. */
  idleSeconds: 3,
};

interface Piece {
  x: number;
  y: number;
  width: number;
  height: number;
  str: string;
}

const HEADER_WORDS: [string, RegExp][] = [
  ['text', /^(?:key\s+actions?|actions?\s+cl[eé]s?)$/i],
  ['timeframe', /timeframe|time\s*frame|deadline|d[ée]lai|[ée]ch[ée]ance/i],
  ['responsible', /responsib|responsable/i],
  ['comments', /comments?|action\s+taken|commentaires?|implementation\s+monitoring|suivi/i],
  ['status', /^(?:status|statut)$/i],
];

/** A line that starts an item, a label or a number is never the end of the line above. */
const STARTS_ITEM =
  /^(?:[-•*–]\s|\d+(?:\.\d+)*[.)]?\s|\(?[a-z]\)\s|[^\s:]+(?:\s+[^\s:]+){0,6}\s*(?:\([^)]*\))?\s*:)/i;

/** Groups the pieces of one page into rows (same baseline, within a tolerance), top to bottom. */
function rows(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: Piece[][] = [];
  for (const p of sorted) {
    const row = out[out.length - 1];
    if (row && Math.abs(row[0].y - p.y) <= Math.max(2, p.height * 0.4)) row.push(p);
    else out.push([p]);
  }
  return out.map((r) => r.sort((a, b) => a.x - b.x));
}

/** Joins pieces into text, with a space where pdf.js split words apart. */
function join(pieces: Piece[]): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const p of pieces) {
    const gap = p.x - end;
    if (text && gap > Math.max(1, p.height * 0.15) && !text.endsWith(' ') && !p.str.startsWith(' '))
      text += ' ';
    text += p.str;
    end = p.x + p.width;
  }
  return cleanCell(text);
}

/**
 * The exceptions pdf.js fails with when it cannot read a document: they come from the file, so
 * they become a refusal. Errors of our own code are not among them and stay errors of the server.
 */
const PDFJS_EXCEPTIONS = new Set([
  'InvalidPDFException',
  'MissingPDFException',
  'UnexpectedResponseException',
  'UnknownErrorException',
  'FormatError',
  'ResponseException',
]);

type WorkerMessage =
  | { pages: number }
  | { pieces: Piece[] }
  | { done: true }
  | { refused: 'pages' | 'text' | 'streams'; pages?: number }
  | { failed: { name: string; message: string } };

/**
 * The worker threads reading PDFs: at most PDF_LIMITS.workers at once (more wait their turn), each
 * kept for the next PDF until it has been idle for PDF_LIMITS.idleSeconds, then ended.
 */
const idleWorkers: { worker: Worker; timer: NodeJS.Timeout }[] = [];
let busyWorkers = 0;
const waiting: (() => void)[] = [];

function startWorker(): Worker {
  const worker = new Worker(new URL('./pdfText.worker.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: PDF_LIMITS.maxHeapMb },
    // Plain node, without the TypeScript loader the server may run under.
    execArgv: [],
    // (Its stdout and stderr stay the process's: piping them would keep an idle worker, and so the
    // command line, alive until the worker ends. pdf.js is silent at verbosity 0.)
  });
  // An idle worker that fails or ends is simply forgotten.
  const forget = () => {
    const i = idleWorkers.findIndex((w) => w.worker === worker);
    if (i >= 0) {
      clearTimeout(idleWorkers[i].timer);
      idleWorkers.splice(i, 1);
    }
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  return worker;
}

async function acquireWorker(): Promise<Worker> {
  while (busyWorkers >= PDF_LIMITS.workers) await new Promise<void>((go) => waiting.push(go));
  busyWorkers++;
  const idle = idleWorkers.pop();
  if (!idle) return startWorker();
  clearTimeout(idle.timer);
  idle.worker.ref();
  return idle.worker;
}

/** Gives a worker back after a job: kept for the next one if it is sound, ended otherwise. */
function releaseWorker(worker: Worker, sound: boolean) {
  busyWorkers--;
  if (sound) {
    worker.unref();
    const timer = setTimeout(() => {
      const i = idleWorkers.findIndex((w) => w.worker === worker);
      if (i >= 0) idleWorkers.splice(i, 1);
      void worker.terminate();
    }, PDF_LIMITS.idleSeconds * 1000);
    timer.unref();
    idleWorkers.push({ worker, timer });
  } else void worker.terminate();
  waiting.shift()?.();
}

let nextJob = 0;

/** The pieces of text of each page, read by pdf.js in a worker thread within PDF_LIMITS. */
async function readPieces(buf: Buffer, name: string): Promise<Piece[][]> {
  const worker = await acquireWorker();
  const id = ++nextJob;
  return new Promise((resolve, reject) => {
    const pages: Piece[][] = [];
    let settled = false;
    const settle = (err: unknown, sound: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      releaseWorker(worker, sound);
      if (err) reject(err);
      else resolve(pages);
    };
    const timer = setTimeout(
      () =>
        settle(
          new TooLarge(
            `${name} took longer than ${PDF_LIMITS.maxSeconds} s to read, far longer than a matrix should; it was refused. Save it again from the program that made it, or paste the matrix's text.`,
          ),
          false,
        ),
      PDF_LIMITS.maxSeconds * 1000,
    );
    const onMessage = (m: WorkerMessage & { id: number }) => {
      if (m.id !== id) return;
      if ('pieces' in m) pages.push(m.pieces);
      else if ('done' in m) settle(null, true);
      else if ('refused' in m) {
        settle(
          m.refused === 'pages'
            ? new TooLarge(`${name} has ${m.pages} pages; PDFs up to ${PDF_LIMITS.maxPages} pages are read.`)
            : m.refused === 'streams'
              ? new TooLarge(
                  `${name} would unpack to more than ${PDF_LIMITS.maxInflatedBytes / 1024 / 1024} MB, far beyond any matrix; it was refused unread.`,
                )
              : new TooLarge(
                  `${name} holds more than ${Math.round(maxImportBytes() / 1024 / 1024)} MB of text; matrices up to that size are read.`,
                ),
          true,
        );
      } else if ('failed' in m) {
        const { name: kind, message } = m.failed;
        if (kind === 'PasswordException')
          settle(
            new Unsupported(
              `${name} is password-protected. Save a copy without the password and upload that.`,
            ),
            true,
          );
        else if (PDFJS_EXCEPTIONS.has(kind))
          settle(
            new Invalid(
              `${name} is damaged and cannot be read as a PDF (${message.split('\n')[0].slice(0, 160) || kind}).`,
            ),
            true,
          );
        else
          settle(
            Object.assign(new Error(`Reading a PDF failed: ${kind}: ${message}`), { name: kind }),
            false,
          );
      }
    };
    const onError = (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY')
        settle(
          new TooLarge(
            `${name} needs more than ${PDF_LIMITS.maxHeapMb} MB of memory to read, far more than a matrix should; it was refused. Save it again from the program that made it, or paste the matrix's text.`,
          ),
          false,
        );
      else settle(err, false);
    };
    const onExit = (code: number) =>
      settle(new Error(`The PDF reader stopped (exit code ${code}) before it finished.`), false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({
      id,
      data: new Uint8Array(buf),
      maxPages: PDF_LIMITS.maxPages,
      maxTextChars: maxImportBytes(),
      maxInflatedBytes: PDF_LIMITS.maxInflatedBytes,
    });
  });
}

export async function readPdfLines(
  buf: Buffer,
  name = 'The file',
): Promise<{ lines: MatrixLine[]; warnings: ImportWarning[] }> {
  if (buf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Invalid(`${name} is not a PDF.`);
  const pages = await readPieces(buf, name);
  const warnings: ImportWarning[] = [];
  const lines: MatrixLine[] = [];
  let textLength = 0;
  // Columns of the key-action table, carried over page breaks.
  let columns: number[] | null = null;
  for (let pageNo = 1; pageNo <= pages.length; pageNo++) {
    const pieces = pages[pageNo - 1];
    for (const p of pieces) textLength += p.str.trim().length;
    // Where wrapped prose reaches on this page: a line ending near it continues on the next.
    const right = pieces.reduce((max, p) => Math.max(max, p.x + p.width), 0);
    let wrapped = false;
    let lineNo = 0;
    for (const row of rows(pieces)) {
      lineNo++;
      const where = `page ${pageNo}, line ${lineNo}`;
      const texts = row.map((p) => p.str.trim());
      const isHeader =
        HEADER_WORDS[0][1].test(texts[0] ?? '') &&
        texts.slice(1).some((t) => HEADER_WORDS[1][1].test(t) || HEADER_WORDS[2][1].test(t));
      if (isHeader) {
        columns = row.filter((p) => p.str.trim() !== '').map((p) => p.x);
        lines.push({ cells: row.filter((p) => p.str.trim() !== '').map((p) => cleanCell(p.str)), where });
        continue;
      }
      const first = join([row[0]]);
      if (/^(?:evaluation\s+)?recomm?[ae]ndation\s*(?:#|n°)?\s*\d/i.test(first)) columns = null;
      if (columns) {
        const cols = columns;
        const cells: Piece[][] = cols.map(() => []);
        for (const p of row) {
          let i = cols.length - 1;
          while (i > 0 && p.x < cols[i] - 4) i--;
          cells[i].push(p);
        }
        lines.push({ cells: cells.map(join), where });
      } else {
        // Outside the table: cut the row where a wide gap separates two labels ("… \u2003 Priority level: 2").
        const groups: Piece[][] = [[row[0]]];
        for (let i = 1; i < row.length; i++) {
          const prev = row[i - 1];
          if (row[i].x - (prev.x + prev.width) > Math.max(24, prev.height * 2.5)) groups.push([row[i]]);
          else groups[groups.length - 1].push(row[i]);
        }
        const cells = groups.map(join);
        const prev = lines[lines.length - 1];
        if (wrapped && prev && prev.cells.length === 1 && cells.length === 1 && !STARTS_ITEM.test(cells[0])) {
          prev.cells[0] = `${prev.cells[0]} ${cells[0]}`;
        } else lines.push({ cells, where });
        const last = row[row.length - 1];
        wrapped = groups.length === 1 && last.x + last.width > right - 60;
        continue;
      }
      wrapped = false;
    }
  }
  if (textLength === 0) {
    throw new Unsupported(
      `${name} has no text layer: it is probably a scan. Run it through text recognition (OCR) first, or paste the matrix's text.`,
    );
  }
  warnings.push({
    message:
      'Read from a PDF: the key-action columns were rebuilt from the positions of the text; check timeframes and responsible units',
    where: 'the whole document',
  });
  return { lines, warnings };
}
