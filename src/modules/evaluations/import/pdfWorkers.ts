/**
 * The worker threads that read PDFs with pdf.js (pdfText.worker.mjs): at most PDF_LIMITS.workers
 * at once (more wait their turn), each under a heap ceiling and a time limit, kept for the next
 * PDF until idle for PDF_LIMITS.idleSeconds, then ended. A PDF whose streams inflate to gigabytes,
 * or that takes minutes to parse, is refused without stalling or exhausting the server.
 */
import { Worker } from 'node:worker_threads';
import { Invalid, TooLarge, Unsupported } from '../../../server/errors.js';
import { maxImportBytes } from './limits.js';
import type { PageData } from './pdfLayout.js';

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
  | PageData
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

/** The text and drawn lines of each page, read by pdf.js in a worker thread within PDF_LIMITS. */
export async function readPages(buf: Buffer, name: string): Promise<PageData[]> {
  const worker = await acquireWorker();
  const id = ++nextJob;
  return new Promise((resolve, reject) => {
    const pages: PageData[] = [];
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
      if ('pieces' in m) pages.push({ pieces: m.pieces, rules: m.rules, viewport: m.viewport });
      else if ('done' in m) settle(null, true);
      else if ('refused' in m) {
        settle(
          m.refused === 'pages'
            ? new TooLarge(
                `${name} has ${m.pages} pages; PDFs up to ${PDF_LIMITS.maxPages} pages are read.`,
              ).because('tooManyPages', { name, pages: m.pages ?? 0, max: PDF_LIMITS.maxPages })
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
            ).because('passwordProtected', { name }),
            true,
          );
        else if (PDFJS_EXCEPTIONS.has(kind))
          settle(
            new Invalid(
              `${name} is damaged and cannot be read as a PDF (${message.split('\n')[0].slice(0, 160) || kind}).`,
            ).because('damaged', { name }),
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
