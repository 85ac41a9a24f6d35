/**
 * Reads a Word (.docx) matrix into lines of cells, keeping its real structure: paragraphs in
 * order, each table row as a line whose cells line up with the table's grid (a cell merged over
 * several columns is followed by empty cells, a vertically merged one is empty below its first
 * row), several paragraphs in a cell joined by line breaks, list items with their bullet or number.
 *
 * The file is unpacked with limits, entry by entry, never whole: a zip bomb is refused from its
 * declared sizes before anything is inflated, and a lying one when it overruns them.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import yauzl from 'yauzl';
import { Invalid, TooLarge, Unsupported } from '../../../server/errors.js';
import type { MatrixLine } from './lines.js';
import { cleanCell } from './lines.js';

export const DOCX_LIMITS = {
  /** Largest document.xml (or numbering.xml) unpacked, in bytes. */
  maxPartBytes: 64 * 1024 * 1024,
  /** Largest total of every entry's unpacked size, as the archive declares them. */
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 5000,
};

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Says why a file that is not a readable .docx is not one. */
function checkKind(buf: Buffer, name: string): void {
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    if (
      buf.includes(Buffer.from('EncryptionInfo', 'utf16le')) ||
      buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))
    ) {
      throw new Unsupported(
        `${name} is password-protected. Remove the password in Word (File › Info › Protect Document) and upload it again.`,
      );
    }
    throw new Unsupported(
      `${name} is an old Word 97–2003 (.doc) file. Open it in Word and save it as .docx, then upload that.`,
    );
  }
  if (buf.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') {
    throw new Invalid(`${name} is not a Word document (.docx files are zip archives, and this is not one).`);
  }
}

type Parts = Record<string, Buffer>;

/** Unpacks the named parts of the archive, within DOCX_LIMITS. */
function unpack(buf: Buffer, wanted: string[], name: string): Promise<Parts> {
  return new Promise((resolve, reject) => {
    const damaged = (err: Error) =>
      new Invalid(`${name} is damaged and cannot be read as a Word document (${err.message}).`);
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) return reject(damaged(err ?? new Error('no archive')));
        const parts: Parts = {};
        let entries = 0;
        let declared = 0;
        let failed = false;
        const fail = (e: Error) => {
          if (failed) return;
          failed = true;
          zip.close();
          reject(e);
        };
        zip.on('error', (e: Error) => fail(damaged(e)));
        zip.on('entry', (entry: yauzl.Entry) => {
          entries++;
          declared += entry.uncompressedSize;
          if (entries > DOCX_LIMITS.maxEntries)
            return fail(
              new TooLarge(
                `${name} holds more than ${DOCX_LIMITS.maxEntries} files; a Word document has far fewer.`,
              ),
            );
          if (declared > DOCX_LIMITS.maxTotalBytes) {
            return fail(
              new TooLarge(
                `${name} would unpack to more than ${DOCX_LIMITS.maxTotalBytes / 1024 / 1024} MB, far beyond any matrix; it was refused unopened.`,
              ),
            );
          }
          if (!wanted.includes(entry.fileName)) return zip.readEntry();
          if (entry.uncompressedSize > DOCX_LIMITS.maxPartBytes) {
            return fail(
              new TooLarge(
                `${name}'s text would unpack to ${Math.round(entry.uncompressedSize / 1024 / 1024)} MB; matrices up to ${DOCX_LIMITS.maxPartBytes / 1024 / 1024} MB are read.`,
              ),
            );
          }
          zip.openReadStream(entry, (e, stream) => {
            if (e || !stream) return fail(damaged(e ?? new Error('unreadable entry')));
            const chunks: Buffer[] = [];
            let size = 0;
            stream.on('data', (c: Buffer) => {
              size += c.length;
              // yauzl checks the declared size too; this is the last line if an archive lies about it.
              if (size > DOCX_LIMITS.maxPartBytes) {
                stream.destroy();
                fail(
                  new TooLarge(
                    `${name}'s text unpacks to more than ${DOCX_LIMITS.maxPartBytes / 1024 / 1024} MB; it was refused.`,
                  ),
                );
                return;
              }
              chunks.push(c);
            });
            stream.on('error', (se: Error) => fail(damaged(se)));
            stream.on('end', () => {
              parts[entry.fileName] = Buffer.concat(chunks);
              zip.readEntry();
            });
          });
        });
        zip.on('end', () => {
          if (!failed) resolve(parts);
        });
        zip.readEntry();
      },
    );
  });
}

function parseXml(xml: Buffer, name: string): Element {
  const text = xml.toString('utf8');
  // Word never writes a DOCTYPE; one here could only be an entity-expansion attack.
  if (/<!DOCTYPE/i.test(text.slice(0, 2048)))
    throw new Invalid(
      `${name} contains a document type declaration, which Word files never have; it was refused.`,
    );
  let problem: string | null = null;
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') problem = msg;
    },
  }).parseFromString(text, 'text/xml');
  if (problem || !doc.documentElement)
    throw new Invalid(`${name} is damaged: its text is not well-formed (${problem ?? 'empty'}).`);
  return doc.documentElement;
}

const children = (n: Node): Element[] => {
  const out: Element[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
};
const isW = (e: Element, local: string) => e.namespaceURI === W && e.localName === local;
const child = (e: Element, local: string) => children(e).find((c) => isW(c, local));
const attr = (e: Element | undefined, local: string) =>
  e?.getAttributeNS(W, local) ?? e?.getAttribute(`w:${local}`) ?? null;

/** List formats from numbering.xml: numId → level → format ("decimal", "bullet", "lowerLetter"…). */
function readNumbering(root: Element | null): Map<string, Map<string, string>> {
  const formats = new Map<string, Map<string, string>>();
  if (!root) return formats;
  const abstract = new Map<string, Map<string, string>>();
  for (const a of children(root).filter((c) => isW(c, 'abstractNum'))) {
    const levels = new Map<string, string>();
    for (const lvl of children(a).filter((c) => isW(c, 'lvl'))) {
      levels.set(attr(lvl, 'ilvl') ?? '0', attr(child(lvl, 'numFmt'), 'val') ?? 'bullet');
    }
    abstract.set(attr(a, 'abstractNumId') ?? '', levels);
  }
  for (const n of children(root).filter((c) => isW(c, 'num'))) {
    formats.set(
      attr(n, 'numId') ?? '',
      abstract.get(attr(child(n, 'abstractNumId'), 'val') ?? '') ?? new Map(),
    );
  }
  return formats;
}

class ListCounter {
  private counts = new Map<string, number>();
  constructor(private formats: Map<string, Map<string, string>>) {}
  /** The marker a list paragraph shows: "1.", "a)", or "•". */
  marker(numId: string, ilvl: string): string {
    const fmt = this.formats.get(numId)?.get(ilvl) ?? 'bullet';
    const key = `${numId}:${ilvl}`;
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (fmt === 'decimal') return `${n}.`;
    if (fmt === 'lowerLetter') return `${String.fromCharCode(96 + ((n - 1) % 26) + 1)})`;
    if (fmt === 'upperLetter') return `${String.fromCharCode(64 + ((n - 1) % 26) + 1)})`;
    return '•';
  }
}

/** A paragraph's visible text: runs, tabs and breaks; deleted (tracked) text is left out. */
function paragraphText(p: Element, lists: ListCounter): string {
  let text = '';
  const walk = (n: Element) => {
    for (const c of children(n)) {
      if (c.namespaceURI !== W) continue;
      if (c.localName === 't') text += c.textContent ?? '';
      else if (c.localName === 'tab') text += ' ';
      else if (c.localName === 'br' || c.localName === 'cr') text += '\n';
      else if (c.localName === 'noBreakHyphen') text += '-';
      else if (
        c.localName === 'del' ||
        c.localName === 'delText' ||
        c.localName === 'pPr' ||
        c.localName === 'rPr'
      )
        continue;
      else walk(c);
    }
  };
  walk(p);
  const numPr = child(child(p, 'pPr') ?? p, 'numPr');
  if (numPr && text.trim()) {
    const numId = attr(child(numPr, 'numId'), 'val') ?? '';
    if (numId !== '0') text = `${lists.marker(numId, attr(child(numPr, 'ilvl'), 'val') ?? '0')} ${text}`;
  }
  return cleanCell(text);
}

/** The text of a table cell: its paragraphs (and those of tables nested in it), one per line. */
function cellText(tc: Element, lists: ListCounter): string {
  const parts: string[] = [];
  const walk = (n: Element) => {
    for (const c of children(n)) {
      if (isW(c, 'p')) parts.push(paragraphText(c, lists));
      else if (isW(c, 'tbl') || isW(c, 'tr') || isW(c, 'tc') || isW(c, 'sdt') || isW(c, 'sdtContent'))
        walk(c);
    }
  };
  walk(tc);
  return parts.filter(Boolean).join('\n');
}

export async function readDocxLines(buf: Buffer, name = 'The file'): Promise<MatrixLine[]> {
  checkKind(buf, name);
  const parts = await unpack(buf, ['word/document.xml', 'word/numbering.xml'], name);
  const documentXml = parts['word/document.xml'];
  if (!documentXml)
    throw new Invalid(`${name} is a zip archive but not a Word document (it has no word/document.xml).`);
  const root = parseXml(documentXml, name);
  const lists = new ListCounter(
    readNumbering(parts['word/numbering.xml'] ? parseXml(parts['word/numbering.xml'], name) : null),
  );
  const body = child(root, 'body');
  if (!body) throw new Invalid(`${name} has no document body.`);

  const lines: MatrixLine[] = [];
  let paragraphNo = 0;
  let tableNo = 0;
  const visit = (n: Element) => {
    for (const c of children(n)) {
      if (isW(c, 'p')) {
        paragraphNo++;
        const text = paragraphText(c, lists);
        if (text) lines.push({ cells: [text], where: `paragraph ${paragraphNo}` });
      } else if (isW(c, 'tbl')) {
        tableNo++;
        let rowNo = 0;
        for (const tr of children(c).filter((r) => isW(r, 'tr'))) {
          rowNo++;
          const cells: string[] = [];
          for (const tc of children(tr).filter((x) => isW(x, 'tc') || isW(x, 'sdt'))) {
            const cell = isW(tc, 'sdt') ? (child(child(tc, 'sdtContent') ?? tc, 'tc') ?? tc) : tc;
            const tcPr = child(cell, 'tcPr');
            const span = Number(attr(child(tcPr ?? cell, 'gridSpan'), 'val') ?? 1) || 1;
            const vMerge = tcPr ? child(tcPr, 'vMerge') : undefined;
            const continued = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
            cells.push(continued ? '' : cellText(cell, lists));
            for (let i = 1; i < span; i++) cells.push('');
          }
          while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
          if (cells.length > 0) lines.push({ cells, where: `table ${tableNo}, row ${rowNo}` });
        }
      } else if (isW(c, 'sdt') || isW(c, 'sdtContent') || isW(c, 'customXml')) {
        visit(c);
      }
    }
  };
  visit(body);
  return lines;
}
