/**
 * One page of the PDF original, drawn only while it is on (or near) the screen and let go when
 * it is not, so a long review keeps only a few canvases; scaled to its column, with the region of
 * what it is shown for marked, and zoomable (the zoomed page scrolls in its own frame).
 */
import { ActionIcon, Group, Text } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOriginal } from './Original';
import type { MarkedPage } from './originalModel';

const ZOOMS = [1, 1.5, 2, 3];
/** Landscape A4, the usual matrix, until the page says otherwise. */
const DEFAULT_RATIO = 842 / 595;
/** Around the marked lines, as a share of the page. */
const MARGIN = 0.006;

export function OriginalPdfPage({ page, subject }: { page: MarkedPage; subject: string }) {
  const { t } = useTranslation();
  const { loadPdf, pages: total, ratios } = useOriginal();
  const captionId = useId();
  const boxRef = useRef<HTMLElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);
  const [width, setWidth] = useState(0);
  // On a phone the whole page is too small to read: it opens at 200%, on its marked region.
  const [zoom, setZoom] = useState(() => (page.mark && window.innerWidth < 700 ? 2 : 0));
  const [ratio, setRatio] = useState(
    () => ratios.get(page.page) ?? ratios.values().next().value ?? DEFAULT_RATIO,
  );
  const [state, setState] = useState<'waiting' | 'drawn' | 'failed'>('waiting');

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const io = new IntersectionObserver(([e]) => setNear(e.isIntersecting), { rootMargin: '600px 0px' });
    const ro = new ResizeObserver(([e]) => setWidth(Math.floor(e.contentRect.width)));
    io.observe(el);
    ro.observe(el);
    return () => {
      io.disconnect();
      ro.disconnect();
    };
  }, []);

  const scale = ZOOMS[zoom];
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!near || !loadPdf || !canvas || width === 0) return;
    let stopped = false;
    let cancel = () => {};
    loadPdf()
      .then(async ({ doc, pdf }) => {
        if (stopped) return;
        const r = await pdf.pageRatio(doc, page.page);
        ratios.set(page.page, r);
        if (stopped) return;
        setRatio(r);
        const job = pdf.drawPage(doc, page.page, canvas, width * scale);
        cancel = job.cancel;
        await job.done;
        if (stopped) return;
        setState('drawn');
        // Zoomed in, the frame shows the marked region first.
        const frame = frameRef.current;
        if (frame && page.mark && scale > 1) {
          const h = (width * scale) / r;
          frame.scrollTop = Math.max(0, page.mark.top * h - 24);
          frame.scrollLeft = Math.max(0, page.mark.left * width * scale - 24);
        }
      })
      .catch((e: unknown) => {
        if (stopped) return;
        setState('failed');
        console.warn(`Page ${page.page} of the original could not be drawn`, e);
      });
    return () => {
      stopped = true;
      cancel();
    };
  }, [near, loadPdf, width, scale, page, ratios]);

  // Out of view, the canvas goes (and with it its memory); it is drawn again on the way back.
  useEffect(() => {
    if (!near) setState('waiting');
  }, [near]);

  const numbers = { page: page.page, total: total ?? '?' };
  const caption = total ? t('original.page', numbers) : t('original.pageOnly', numbers);
  const alt = total
    ? t(page.mark ? 'original.pageAltMarked' : 'original.pageAlt', { ...numbers, subject })
    : t(page.mark ? 'original.pageOnlyAltMarked' : 'original.pageOnlyAlt', { ...numbers, subject });
  const m = page.mark;

  return (
    <figure ref={boxRef} data-page={page.page} aria-labelledby={captionId} style={{ margin: 0 }}>
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Text id={captionId} size="sm" fw={600} c="dimmed">
          {caption}
        </Text>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="default"
            size="sm"
            aria-label={t('original.zoomOut', numbers)}
            disabled={zoom === 0}
            onClick={() => setZoom((z) => Math.max(0, z - 1))}
          >
            −
          </ActionIcon>
          <Text size="xs" c="dimmed" w={40} ta="center" aria-live="polite">
            {t('original.zoom', { percent: Math.round(scale * 100) })}
          </Text>
          <ActionIcon
            variant="default"
            size="sm"
            aria-label={t('original.zoomIn', numbers)}
            disabled={zoom === ZOOMS.length - 1}
            onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
          >
            +
          </ActionIcon>
        </Group>
      </Group>
      <div
        ref={frameRef}
        // Zoomed, the page scrolls in this frame (reachable by keyboard), never the screen.
        tabIndex={scale > 1 ? 0 : undefined}
        style={{
          overflow: scale > 1 ? 'auto' : 'hidden',
          maxHeight: scale > 1 ? '80vh' : undefined,
          border: '1px solid var(--mantine-color-gray-4)',
          background: 'var(--mantine-color-gray-0)',
        }}
      >
        <div
          style={{
            position: 'relative',
            width: width ? width * scale : '100%',
            aspectRatio: String(ratio),
            background: 'white',
          }}
        >
          {near && loadPdf && (
            <canvas
              ref={canvasRef}
              role="img"
              aria-label={alt}
              style={{ display: 'block', position: 'absolute', top: 0, left: 0 }}
            />
          )}
          {m && state === 'drawn' && (
            <div
              data-mark
              aria-hidden
              style={{
                position: 'absolute',
                left: `${Math.max(0, m.left - MARGIN) * 100}%`,
                top: `${Math.max(0, m.top - MARGIN) * 100}%`,
                width: `${(Math.min(1, m.right + MARGIN) - Math.max(0, m.left - MARGIN)) * 100}%`,
                height: `${(Math.min(1, m.bottom + MARGIN) - Math.max(0, m.top - MARGIN)) * 100}%`,
                outline: '2px solid rgba(224, 49, 49, 0.85)',
                background: 'rgba(255, 212, 59, 0.15)',
                borderRadius: 2,
                pointerEvents: 'none',
              }}
            />
          )}
          {state !== 'drawn' && (
            <Text
              size="sm"
              c={state === 'failed' ? 'red.8' : 'dimmed'}
              role={state === 'failed' ? 'alert' : undefined}
              style={{ position: 'absolute', inset: 0, padding: 8 }}
            >
              {state === 'failed' ? t('original.failed') : t('original.drawing')}
            </Text>
          )}
        </div>
      </div>
    </figure>
  );
}
