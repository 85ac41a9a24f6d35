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
import type { SaxesTagNS } from 'saxes';
import { Invalid } from '../../../server/errors.js';
import { attr, checkKind, DOCX_LIMITS, readXml, unpack, W } from './docxArchive.js';
import { ListCounter, readNumbering } from './docxNumbering.js';
import { checkLineCount, checkTextSize, MATRIX_LIMITS } from './limits.js';
import type { MatrixLine } from './lines.js';
import { cleanCell, struck } from './lines.js';

export { DOCX_LIMITS } from './docxArchive.js';

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
  | { role: 'para' | 'inPara' | 'pPr' | 'numPr'; para: Para }
  | { role: 'run' | 'text'; para: Para; run: Run }
  | { role: 'rPr'; run: Run };

/** A run of text: struck through (w:strike, w:dstrike) or not. */
interface Run {
  struck: boolean;
}
const PLAIN: Run = { struck: false };
const OFF = new Set(['0', 'false', 'off']);

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
    throw new Invalid(
      `${name} is a zip archive but not a Word document (it has no word/document.xml).`,
    ).because('notWord', { name });
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
        if (local === 't') return { role: 'text', para, run: PLAIN };
        if (local === 'r') return { role: 'run', para, run: { struck: false } };
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
      case 'run': {
        if (!w) return SKIP;
        if (local === 'rPr') return { role: 'rPr', run: parent.run };
        if (local === 't') return { role: 'text', para: parent.para, run: parent.run };
        if (local in TEXT_RUNS) {
          parent.para.text += TEXT_RUNS[local];
          return SKIP;
        }
        return LEFT_OUT.has(local) ? SKIP : { role: 'inPara', para: parent.para };
      }
      case 'rPr':
        if (w && (local === 'strike' || local === 'dstrike'))
          parent.run.struck = !OFF.has(attr(tag, 'val') ?? 'true');
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
        if (cells.length > 0) push({ cells, where: `table ${tableNo}, row ${rowNo}`, table: tableNo });
      }
    },
    text(text) {
      const frame = stack[stack.length - 1];
      if (frame?.role !== 'text') return;
      textLength += text.length;
      checkTextSize(textLength, name);
      frame.para.text += frame.run.struck ? struck(text) : text;
    },
  });
  if (!sawBody) throw new Invalid(`${name} has no document body.`);
  return lines;
}
