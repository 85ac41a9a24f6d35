/**
 * pdf.js in the browser, for the review screen's original: loaded only when a PDF is reviewed
 * (this module is imported with `import()`, so it and pdf.js stay out of the main bundle), its
 * worker served as a file of the app. The file the user picked is read here; nothing is sent.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };

/** Opens the picked file. The caller destroys the document when the review ends. */
export async function openPdf(file: Blob): Promise<PDFDocumentProxy> {
  const data = new Uint8Array(await file.arrayBuffer());
  return getDocument({
    data,
    // The app's Content-Security-Policy allows neither eval nor WebAssembly; pdf.js has fallbacks.
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
  }).promise;
}

/** A page's width over its height, to keep its place before it is drawn. */
export async function pageRatio(doc: PDFDocumentProxy, pageNumber: number): Promise<number> {
  const page = await doc.getPage(pageNumber);
  const { width, height } = page.getViewport({ scale: 1 });
  return width / height;
}

/**
 * Draws a page on the canvas at `cssWidth` CSS pixels wide (sharp on high-density screens).
 * Returns a way to cancel, and a promise settled when drawn (rejected if cancelled).
 */
export function drawPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): { done: Promise<void>; cancel: () => void } {
  let task: RenderTask | null = null;
  let cancelled = false;
  const done = (async () => {
    const page = await doc.getPage(pageNumber);
    if (cancelled) throw new Error('cancelled');
    const base = page.getViewport({ scale: 1 });
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    // At most about 16 million pixels a canvas, whatever the zoom.
    const scale = Math.min((cssWidth / base.width) * ratio, Math.sqrt(16e6 / (base.width * base.height)));
    const viewport = page.getViewport({ scale });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${cssWidth}px`;
    canvas.style.height = `${(cssWidth * base.height) / base.width}px`;
    task = page.render({ canvas, viewport });
    try {
      await task.promise;
    } finally {
      page.cleanup();
    }
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      task?.cancel();
    },
  };
}
