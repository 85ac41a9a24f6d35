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
 * Out, each with the job's id, in order: { pages } once opened; { pieces, rules, viewport } per
 * page (text with its position, the straight lines drawn — table borders, lines through struck
 * text — and how page space maps to the page as shown); then { done } — or one
 * { refused: 'pages' | 'text' | 'streams', pages? } or { failed: { name, message } }.
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

const { OPS } = pdfjs;
const STROKES = new Set([OPS.stroke, OPS.closeStroke]);
const FILLS = new Set([OPS.fill, OPS.eoFill]);
const BOTH = new Set([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
/** Drawing commands in a path's data (pdf.js's DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;
/** Thickest a filled rectangle may be to count as a drawn line (Word draws borders so). */
const THIN = 3;

/** `m` applied after `ctm`: the matrix of a `cm` operator concatenated to the current one. */
const concat = (o, m) => [
  o[0] * m[0] + o[2] * m[1],
  o[1] * m[0] + o[3] * m[1],
  o[0] * m[2] + o[2] * m[3],
  o[1] * m[2] + o[3] * m[3],
  o[0] * m[4] + o[2] * m[5] + o[4],
  o[1] * m[4] + o[3] * m[5] + o[5],
];
const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** The straight subpaths of a path, as lists of points (curved ones are left out). */
function subpaths(data) {
  const out = [];
  let cur = null;
  let curved = false;
  const end = () => {
    if (cur && cur.length > 1 && !curved) out.push(cur);
    cur = null;
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i];
    if (op === MOVE) {
      end();
      cur = [[data[i + 1], data[i + 2]]];
      i += 3;
    } else if (op === LINE) {
      if (!cur) cur = [];
      cur.push([data[i + 1], data[i + 2]]);
      i += 3;
    } else if (op === CURVE) {
      curved = true;
      i += 7;
    } else if (op === QUAD) {
      curved = true;
      i += 5;
    } else if (op === CLOSE) {
      if (cur?.length) cur.push(cur[0]);
      i += 1;
    } else break;
  }
  end();
  return out;
}

/**
 * The horizontal and vertical lines a page draws, in page space: stroked segments, and filled
 * rectangles thin enough to be lines. White fills (backgrounds) are not lines.
 */
function pageRules(list) {
  const rules = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  let white = false;
  const stack = [];
  const add = (a, b, width) => {
    const [x0, y0] = apply(ctm, a[0], a[1]);
    const [x1, y1] = apply(ctm, b[0], b[1]);
    const w = Math.abs(width * (ctm[0] || ctm[1] || 1));
    if (Math.abs(y1 - y0) < 0.5 || Math.abs(x1 - x0) < 0.5)
      rules.push([Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1), w]);
  };
  let lineWidth = 1;
  for (let i = 0; i < list.fnArray.length && rules.length < 20000; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
      stack.push([ctm, lineWidth, white]);
      if (fn === OPS.paintFormXObjectBegin && Array.isArray(args?.[0])) ctm = concat(ctm, args[0]);
    } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) {
      [ctm, lineWidth, white] = stack.pop() ?? [ctm, lineWidth, white];
    } else if (fn === OPS.transform) ctm = concat(ctm, args);
    else if (fn === OPS.setLineWidth) lineWidth = args[0];
    else if (fn === OPS.setFillRGBColor || fn === OPS.setFillGray || fn === OPS.setFillColor) {
      white = /^#?f{6}$/i.test(String(args?.[0] ?? '')) || (args?.length === 1 && args[0] === 1);
    } else if (fn === OPS.constructPath) {
      const [paint, [data]] = args;
      const stroked = STROKES.has(paint) || BOTH.has(paint);
      const filled = (FILLS.has(paint) || BOTH.has(paint)) && !white;
      if (!data || (!stroked && !filled)) continue;
      for (const points of subpaths(data)) {
        if (stroked) for (let k = 1; k < points.length; k++) add(points[k - 1], points[k], lineWidth);
        if (filled && !stroked && points.length >= 4) {
          const [x0, y0] = apply(ctm, points[0][0], points[0][1]);
          let [minX, minY, maxX, maxY] = [x0, y0, x0, y0];
          for (const p of points) {
            const [x, y] = apply(ctm, p[0], p[1]);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
          const h = maxY - minY;
          const w = maxX - minX;
          if (h <= THIN && w > h) rules.push([minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2, h]);
          else if (w <= THIN && h > w) rules.push([(minX + maxX) / 2, minY, (minX + maxX) / 2, maxY, w]);
        }
      }
    }
  }
  return rules;
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
        if (textLength > maxTextChars) {
          page.cleanup();
          post({ refused: 'text' });
          refused = true;
        } else {
          // Lines are looked for only on pages with text: a scan's pages are left unparsed.
          const rules = pieces.length > 0 ? pageRules(await page.getOperatorList()) : [];
          const { width, height, transform } = page.getViewport({ scale: 1 });
          page.cleanup();
          post({ pieces, rules, viewport: { width, height, transform } });
        }
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
