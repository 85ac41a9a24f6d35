/**
 * Reads the text of PDFs with pdf.js, one at a time, in a worker thread of readPdf.ts's small
 * pool: pdf.js then works beside the server, not in it, under a memory ceiling and a time limit,
 * and all it allocated goes away when the thread ends (the pool ends idle threads after a few
 * seconds). Plain JavaScript, so that it runs without the TypeScript loader (which would
 * multiply pdf.js's memory).
 *
 * Before pdf.js sees the file, its Flate streams are inflated once with a ceiling on their total:
 * pdf.js inflates a stream whole into memory it does not count against the heap limit, so a
 * few hundred kilobytes inflating to gigabytes (a "PDF bomb") is refused from their sizes alone.
 *
 * In: a job { id, data: Uint8Array, maxPages, maxTextChars, maxInflatedBytes }.
 * Out, each with the job's id, in order: { pages } once opened; { pieces } per page (text with its
 * position); then { done } — or one { refused: 'pages' | 'text' | 'streams', pages? } or
 * { failed: { name, message } }.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { constants, createInflate } from 'node:zlib';

const require = createRequire(import.meta.url);
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
  require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs'),
).href;

const failure = (err) => ({ name: String(err?.name ?? 'Error'), message: String(err?.message ?? err) });

/** How many bytes a Flate stream inflates to, counted chunk by chunk (and kept no longer), up to `limit` + 1. */
function inflatedSize(bytes, limit) {
  return new Promise((resolve) => {
    let size = 0;
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    inflate.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('end', () => resolve(size));
    // A damaged stream: pdf.js will say what it makes of it; what came out until then counts.
    inflate.on('error', () => resolve(size));
    inflate.end(bytes);
  });
}

/** Whether the Flate streams of the file inflate to more than `limit` bytes in all. */
async function inflatesBeyond(bytes, limit) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let from = 0;
  for (;;) {
    const keyword = buf.indexOf('stream', from, 'latin1');
    if (keyword < 0) return false;
    from = keyword + 6;
    // "stream" ends a dictionary naming its filter; "endstream" is not a start.
    if (buf.subarray(keyword - 3, keyword).toString('latin1') === 'end') continue;
    let start = keyword + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) continue;
    start++;
    const dict = buf.subarray(Math.max(0, keyword - 1024), keyword).toString('latin1');
    if (!/\/(?:FlateDecode|Fl)\b/.test(dict.slice(dict.lastIndexOf('<<')))) continue;
    const end = buf.indexOf('endstream', start, 'latin1');
    total += await inflatedSize(buf.subarray(start, end < 0 ? buf.length : end), limit - total);
    if (total > limit) return true;
    if (end > start) from = end + 9;
  }
}

/** Reads one PDF, posting what it finds. */
async function read({ data, maxPages, maxTextChars }, post) {
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    post({ pages: doc.numPages });
    if (doc.numPages > maxPages) {
      post({ refused: 'pages', pages: doc.numPages });
    } else {
      let textLength = 0;
      let refused = false;
      for (let pageNo = 1; pageNo <= doc.numPages && !refused; pageNo++) {
        const page = await doc.getPage(pageNo);
        const content = await page.getTextContent();
        const pieces = [];
        for (const item of content.items) {
          if (!('str' in item) || item.str === '') continue;
          textLength += item.str.length;
          pieces.push({
            x: item.transform[4],
            y: item.transform[5],
            width: item.width,
            height: Math.abs(item.transform[3]) || 10,
            str: item.str,
          });
        }
        page.cleanup();
        if (textLength > maxTextChars) {
          post({ refused: 'text' });
          refused = true;
        } else post({ pieces });
      }
      if (!refused) post({ done: true });
    }
  } catch (err) {
    post({ failed: failure(err) });
  } finally {
    await task.destroy();
  }
}

parentPort.on('message', async (job) => {
  const post = (message) => parentPort.postMessage({ id: job.id, ...message });
  if (await inflatesBeyond(job.data, job.maxInflatedBytes)) post({ refused: 'streams' });
  else await read(job, post);
});
