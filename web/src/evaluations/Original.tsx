/**
 * The original beside what was read from it: for a PDF, the page(s) a recommendation is on, drawn
 * with pdf.js in the browser from the file the user picked (pdf.js is loaded only then), with the
 * recommendation's region marked; for Word and text, the lines as read, tables as tables.
 */
import { Stack, Text } from '@mantine/core';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSources, SourceLine } from '../../../src/modules/evaluations/model';
import { OriginalLines } from './OriginalLines';
import { OriginalPdfPage } from './OriginalPdfPage';
import { markedPages } from './originalModel';
import type { PDFDocumentProxy } from './originalPdf';

type PdfModule = typeof import('./originalPdf');

/** The opened PDF and the module that draws it. */
export interface PdfHandle {
  doc: PDFDocumentProxy;
  pdf: PdfModule;
}

interface OriginalDocument {
  kind: 'pdf' | 'docx' | 'text' | null;
  /** How many pages the PDF has: as the server said, or once opened. */
  pages?: number;
  /** Opens the PDF (once, on first call); null when there is no PDF to draw. */
  loadPdf: (() => Promise<PdfHandle>) | null;
  /** Width over height of the pages seen so far, to keep a page's place before it is drawn. */
  ratios: Map<number, number>;
}

const OriginalContext = createContext<OriginalDocument>({ kind: null, loadPdf: null, ratios: new Map() });

export const useOriginal = () => useContext(OriginalContext);

/** Holds the original for the review screen; the PDF is opened only when a page is first shown. */
export function OriginalProvider({
  file,
  document,
  children,
}: {
  file: File | null;
  document: ImportSources['document'];
  children: ReactNode;
}) {
  const kind = document?.kind ?? null;
  const [pages, setPages] = useState(document?.pages);
  const opened = useRef<Promise<PdfHandle> | null>(null);
  const ratios = useRef(new Map<number, number>()).current;

  const loadPdf = useMemo(() => {
    if (kind !== 'pdf' || !file) return null;
    return () => {
      opened.current ??= import('./originalPdf').then(async (pdf) => {
        const doc = await pdf.openPdf(file);
        setPages(doc.numPages);
        return { doc, pdf };
      });
      return opened.current;
    };
  }, [kind, file]);

  // The document (and pdf.js's worker) is let go when the review ends or the file changes.
  useEffect(() => {
    if (!loadPdf) return;
    return () => {
      const was = opened.current;
      opened.current = null;
      was?.then(
        ({ doc }) => doc.destroy(),
        () => {},
      );
    };
  }, [loadPdf]);

  const value = useMemo(() => ({ kind, pages, loadPdf, ratios }), [kind, pages, loadPdf, ratios]);
  return <OriginalContext.Provider value={value}>{children}</OriginalContext.Provider>;
}

/**
 * The original of one part of the matrix (the header, or a recommendation): `subject` names it
 * for the pages' text alternative ("recommendation 4").
 */
export function Original({
  lines,
  text,
  subject,
}: {
  lines: SourceLine[] | undefined;
  /** The source text, for a reply without lines. */
  text: string;
  subject: string;
}) {
  const { t } = useTranslation();
  const { loadPdf } = useOriginal();
  const pages = useMemo(() => markedPages(lines), [lines]);

  let body: ReactNode;
  if (loadPdf && pages.length > 0) {
    body = (
      <Stack gap="sm">
        {pages.map((p) => (
          <OriginalPdfPage key={p.page} page={p} subject={subject} />
        ))}
        {lines && lines.length > 0 && (
          <details>
            <summary>
              <Text span size="sm">
                {t('original.asRead')}
              </Text>
            </summary>
            <OriginalLines lines={lines} />
          </details>
        )}
      </Stack>
    );
  } else if (lines && lines.length > 0) {
    body = <OriginalLines lines={lines} />;
  } else {
    body = (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text || t('original.nothing')}
      </Text>
    );
  }
  return <div style={{ minWidth: 0 }}>{body}</div>;
}
