/**
 * Reads a Word (.docx) matrix into lines of cells, keeping its real structure: paragraphs in
 * order, each table row as a line whose cells line up with the table's grid (a cell merged over
 * several columns is followed by empty cells, a vertically merged one is empty below its first
 * row), several paragraphs in a cell joined by line breaks, list items with their bullet or number.
 *
 * The file is unpacked with limits, entry by entry, never whole: a zip bomb is refused from its
 * declared sizes before anything is inflated, and a lying one when it overruns them. The XML is
 * read as a stream of tags (saxes), never built into a tree and never walked by recursion: memory
 * follows the text read, not the markup, and nesting costs a frame on a bounded stack. XML that is
 * not well-formed, nested too deeply or declaring a DOCTYPE is refused as a damaged file.
 */
import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
import yauzl from 'yauzl';
import { Invalid, TooLarge, Unsupported } from '../../../server/errors.js';
import { checkLineCount, checkTextSize, MATRIX_LIMITS } from './limits.js';
import type { MatrixLine } from './lines.js';
import { cleanCell } from './lines.js';

export const DOCX_LIMITS = {
  /** Largest document.xml (or numbering.xml) unpacked, in bytes. */
  maxPartBytes: 64 * 1024 * 1024,
  /** Largest total of every entry's unpacked size, as the archive declares them. */
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 5000,
  /** Deepest nesting of XML elements read; Word's own documents stay far below it. */
  maxDepth: 1000,
  /** Most grid columns a cell may span (Word allows 63 columns). */
  maxSpan: 64,
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

/** A problem saxes found in the XML: the file's, so it becomes a refusal. */
class XmlProblem extends Error {}

interface XmlHandlers {
  open(tag: SaxesTagNS, depth: number): void;
  close(tag: SaxesTagNS): void;
  text(text: string): void;
}

/** Streams an XML part through saxes into the handlers; the file's problems become refusals. */
function readXml(xml: Buffer, name: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  parser.on('error', (err) => {
    throw new XmlProblem(err.message);
  });
  parser.on('doctype', () => {
    // Word never writes a DOCTYPE; one here could only be an entity-expansion attack.
    throw new Invalid(
      `${name} contains a document type declaration, which Word files never have; it was refused.`,
    );
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > DOCX_LIMITS.maxDepth)
      throw new Invalid(
        `${name} is nested more than ${DOCX_LIMITS.maxDepth} levels deep, which no Word document is; it was refused.`,
      );
    handlers.open(tag, depth);
    // saxes reports a self-closing tag's close on its own.
  });
  parser.on('closetag', (tag) => {
    depth--;
    handlers.close(tag);
  });
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  try {
    parser.write(xml.toString('utf8')).close();
  } catch (err) {
    if (err instanceof XmlProblem)
      throw new Invalid(`${name} is damaged: its text is not well-formed (${brief(err.message)}).`);
    throw err;
  }
}

/** The first line of a parser's message, short enough for a refusal. */
const brief = (message: string) => {
  const line = message.split('\n')[0].trim();
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
};

const isW = (tag: SaxesTagNS, local: string) => tag.uri === W && tag.local === local;
/** A w: attribute's value ("w:val"), by namespace or, failing that, by its usual name. */
const attr = (tag: SaxesTagNS, local: string): string | null => {
  for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
    if ((a.uri === W && a.local === local) || a.name === `w:${local}`) return a.value;
  }
  return null;
};

/** List formats from numbering.xml: numId → level → format ("decimal", "bullet", "lowerLetter"…). */
function readNumbering(xml: Buffer | undefined, name: string): Map<string, Map<string, string>> {
  const formats = new Map<string, Map<string, string>>();
  if (!xml) return formats;
  const abstract = new Map<string, Map<string, string>>();
  const nums: [string, string][] = [];
  let levels: Map<string, string> | null = null;
  let level: string | null = null;
  let levelHasFormat = false;
  let num: [string, string] | null = null;
  readXml(xml, name, {
    open(tag, depth) {
      if (depth === 2) {
        levels = null;
        num = null;
        if (isW(tag, 'abstractNum')) {
          levels = new Map();
          abstract.set(attr(tag, 'abstractNumId') ?? '', levels);
        } else if (isW(tag, 'num')) {
          num = [attr(tag, 'numId') ?? '', ''];
          nums.push(num);
        }
      } else if (depth === 3) {
        level = null;
        if (levels && isW(tag, 'lvl')) {
          level = attr(tag, 'ilvl') ?? '0';
          levelHasFormat = false;
          levels.set(level, 'bullet');
        } else if (num && isW(tag, 'abstractNumId') && !num[1]) num[1] = attr(tag, 'val') ?? '';
      } else if (depth === 4 && levels && level !== null && isW(tag, 'numFmt') && !levelHasFormat) {
        levels.set(level, attr(tag, 'val') ?? 'bullet');
        levelHasFormat = true;
      }
    },
    close() {},
    text() {},
  });
  for (const [numId, abstractId] of nums) formats.set(numId, abstract.get(abstractId) ?? new Map());
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

/** A table row being read: its cells so far. */
interface Row {
  cells: string[];
}
/** A table cell being read: its paragraphs, and how it spans the grid. */
interface Cell {
  row: Row;
  parts: string[];
  span: number;
  continued: boolean;
}
/** A paragraph being read, at the top level (`cell` null) or in a cell. */
interface Para {
  cell: Cell | null;
  text: string;
  numPr: boolean;
  numId: string | null;
  ilvl: string | null;
}

/**
 * What an open element is to the reading. `skip`: nothing inside it is read. `body`: the document
 * body, or a content control in it. `table`, `row`: a top-level table and its rows. `cell`: a
 * table cell's own children; `inCell`: a table, row, cell or content control inside a cell, whose
 * paragraphs still belong to the cell. `rowControl`: a content control in a row, which either holds
 * cells or is one. `para`, `inPara`: a paragraph and the runs, links and insertions inside it;
 * `text`: a w:t, all of whose text is read; `pPr`, `numPr`, `tcPr`: properties read for lists and
 * merged cells.
 */
type Frame =
  | { role: 'skip' | 'root' | 'body' | 'table' }
  | { role: 'row'; row: Row }
  | { role: 'cell' | 'inCell' | 'tcPr'; cell: Cell }
  | { role: 'rowControl'; control: { cell: Cell; holdsCells: boolean }; outer: boolean }
  | { role: 'para' | 'inPara' | 'text' | 'pPr' | 'numPr'; para: Para };

const TEXT_RUNS: Record<string, string> = { tab: ' ', br: '\n', cr: '\n', noBreakHyphen: '-' };
const LEFT_OUT = new Set(['del', 'delText', 'pPr', 'rPr']);
const CELL_CONTAINERS = new Set(['tbl', 'tr', 'tc', 'sdt', 'sdtContent']);
const BODY_CONTAINERS = new Set(['sdt', 'sdtContent', 'customXml']);
const SKIP: Frame = { role: 'skip' };

export async function readDocxLines(buf: Buffer, name = 'The file'): Promise<MatrixLine[]> {
  checkKind(buf, name);
  const parts = await unpack(buf, ['word/document.xml', 'word/numbering.xml'], name);
  const documentXml = parts['word/document.xml'];
  if (!documentXml)
    throw new Invalid(`${name} is a zip archive but not a Word document (it has no word/document.xml).`);
  const lists = new ListCounter(readNumbering(parts['word/numbering.xml'], name));

  const lines: MatrixLine[] = [];
  // Stopped as soon as the document is read past the limits, not after.
  let textLength = 0;
  const push = (line: MatrixLine) => {
    if (lines.length >= MATRIX_LIMITS.maxLines) checkLineCount(lines.length + 1, name);
    lines.push(line);
  };
  let sawBody = false;
  let paragraphNo = 0;
  let tableNo = 0;
  let rowNo = 0;
  const stack: Frame[] = [];
  const newPara = (cell: Cell | null): Frame => ({
    role: 'para',
    para: { cell, text: '', numPr: false, numId: null, ilvl: null },
  });
  const newCell = (row: Row): Cell => ({ row, parts: [], span: 1, continued: false });

  /** The frame of an element opened inside `parent`. */
  const enter = (parent: Frame | undefined, tag: SaxesTagNS): Frame => {
    if (!parent) return { role: 'root' };
    const w = tag.uri === W;
    const local = tag.local ?? '';
    switch (parent.role) {
      case 'skip':
        return SKIP;
      case 'root':
        if (w && local === 'body' && !sawBody) {
          sawBody = true;
          return { role: 'body' };
        }
        return SKIP;
      case 'body':
        if (!w) return SKIP;
        if (local === 'p') {
          paragraphNo++;
          return newPara(null);
        }
        if (local === 'tbl') {
          tableNo++;
          rowNo = 0;
          return { role: 'table' };
        }
        return BODY_CONTAINERS.has(local) ? parent : SKIP;
      case 'table':
        if (!(w && local === 'tr')) return SKIP;
        rowNo++;
        return { role: 'row', row: { cells: [] } };
      case 'row':
        if (w && local === 'tc') return { role: 'cell', cell: newCell(parent.row) };
        if (w && local === 'sdt')
          return {
            role: 'rowControl',
            control: { cell: newCell(parent.row), holdsCells: false },
            outer: true,
          };
        return SKIP;
      case 'rowControl':
        if (!w) return SKIP;
        if (local === 'tc') {
          parent.control.holdsCells = true;
          return { role: 'cell', cell: newCell(parent.control.cell.row) };
        }
        if (local === 'sdtContent') return { role: 'rowControl', control: parent.control, outer: false };
        if (local === 'p') return newPara(parent.control.cell);
        return CELL_CONTAINERS.has(local) ? { role: 'inCell', cell: parent.control.cell } : SKIP;
      case 'cell':
        if (w && local === 'tcPr') return { role: 'tcPr', cell: parent.cell };
        if (!w) return SKIP;
        if (local === 'p') return newPara(parent.cell);
        return CELL_CONTAINERS.has(local) ? { role: 'inCell', cell: parent.cell } : SKIP;
      case 'inCell':
        if (!w) return SKIP;
        if (local === 'p') return newPara(parent.cell);
        return CELL_CONTAINERS.has(local) ? parent : SKIP;
      case 'tcPr':
        if (w && local === 'gridSpan') {
          const span = Math.trunc(Number(attr(tag, 'val') ?? 1)) || 1;
          parent.cell.span = Math.max(1, Math.min(span, DOCX_LIMITS.maxSpan));
        } else if (w && local === 'vMerge') parent.cell.continued = attr(tag, 'val') !== 'restart';
        return SKIP;
      case 'para':
      case 'inPara': {
        const para = parent.para;
        if (!w) return SKIP;
        if (parent.role === 'para' && local === 'pPr') return { role: 'pPr', para };
        if (parent.role === 'para' && local === 'numPr') {
          para.numPr = true;
          return { role: 'numPr', para };
        }
        if (local === 't') return { role: 'text', para };
        if (local in TEXT_RUNS) {
          para.text += TEXT_RUNS[local];
          return SKIP;
        }
        return LEFT_OUT.has(local) ? SKIP : { role: 'inPara', para };
      }
      case 'pPr':
        if (w && local === 'numPr') {
          parent.para.numPr = true;
          return { role: 'numPr', para: parent.para };
        }
        return SKIP;
      case 'numPr':
        if (w && local === 'numId') parent.para.numId ??= attr(tag, 'val') ?? '';
        else if (w && local === 'ilvl') parent.para.ilvl ??= attr(tag, 'val') ?? '0';
        return SKIP;
      case 'text':
        return parent;
    }
  };

  const finishPara = (para: Para) => {
    // A cell merged into the one above shows nothing, and its lists do not count.
    if (para.cell?.continued) return;
    let text = para.text;
    if (para.numPr && text.trim()) {
      const numId = para.numId ?? '';
      if (numId !== '0') text = `${lists.marker(numId, para.ilvl ?? '0')} ${text}`;
    }
    text = cleanCell(text);
    if (para.cell) para.cell.parts.push(text);
    else if (text) push({ cells: [text], where: `paragraph ${paragraphNo}` });
  };
  const finishCell = (cell: Cell) => {
    cell.row.cells.push(cell.continued ? '' : cell.parts.filter(Boolean).join('\n'));
    for (let i = 1; i < cell.span; i++) cell.row.cells.push('');
  };

  readXml(documentXml, name, {
    open(tag) {
      stack.push(enter(stack[stack.length - 1], tag));
    },
    close() {
      const frame = stack.pop();
      if (!frame) return;
      if (frame.role === 'para') finishPara(frame.para);
      else if (frame.role === 'cell') finishCell(frame.cell);
      else if (frame.role === 'rowControl' && frame.outer && !frame.control.holdsCells)
        finishCell(frame.control.cell);
      else if (frame.role === 'row') {
        const cells = frame.row.cells;
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length > 0) push({ cells, where: `table ${tableNo}, row ${rowNo}` });
      }
    },
    text(text) {
      const frame = stack[stack.length - 1];
      if (frame?.role !== 'text') return;
      textLength += text.length;
      checkTextSize(textLength, name);
      frame.para.text += text;
    },
  });
  if (!sawBody) throw new Invalid(`${name} has no document body.`);
  return lines;
}
