/**
 * Turns a layout description (paragraphs, tables, rows, cells, runs; page header and footer)
 * into a Word file with the `docx` library, the way an office's Word would save it: real table
 * rows that may break across pages, header rows repeated or not, merged cells, struck-out runs,
 * optional (soft) hyphens, PAGE/NUMPAGES fields in the page furniture.
 *
 * In the texts of a layout, "¬" marks an optional hyphen (written as Word's <w:softHyphen/>)
 * and "\n" inside a run is a line break within the paragraph.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  SoftHyphen,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import yauzl from 'yauzl';
import yazl from 'yazl';

/** A piece of text with its formatting; "PAGE" and "NUMPAGES" fields only in the page furniture. */
export type Run =
  | string
  | {
      text: string;
      bold?: boolean;
      italic?: boolean;
      strike?: boolean;
      size?: number;
      color?: string;
    }
  | { field: 'PAGE' | 'NUMPAGES' };

export interface Para {
  runs: Run[];
  align?: 'left' | 'center' | 'right';
  list?: 'bullet' | 'number';
  /** Space after the paragraph, in points. */
  after?: number;
}

export interface Cell {
  paras: Para[];
  span?: number;
  /** Vertical merge: this cell starts a merged column block, or continues the one above. */
  vmerge?: 'restart' | 'continue';
  shade?: string;
}

export interface Row {
  cells: Cell[];
  /** A header row, repeated at the top of each page the table runs onto. */
  header?: boolean;
  /** Keep the row on one page (the default lets it break across pages). */
  cantSplit?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** Relative widths of the grid columns. */
  widths: number[];
  rows: Row[];
  /** No borders at all (a layout table). */
  borderless?: boolean;
}

export type Block = Para | TableBlock | { kind: 'space' };

export interface Layout {
  font: string;
  /** Font size in points. */
  size: number;
  orientation: 'landscape' | 'portrait';
  /** Page margins in centimetres. */
  margin: number;
  header?: Para[];
  footer?: Para[];
  blocks: Block[];
  /** Document properties as Word keeps them. */
  author: string;
  /** ISO date written as the file's creation and modification dates (the docx is then reproducible). */
  date: string;
  title: string;
}

const CM = 567; // twips per centimetre
const A4 = { long: 16838, short: 11906 };

function textRun(text: string, f: Exclude<Run, string | { field: string }> | null, size?: number): TextRun[] {
  // Line breaks inside a run become <w:br/>; optional hyphens become <w:softHyphen/>.
  return text.split('\n').map((line, i) => {
    const pieces = line.split('¬');
    const children: (string | SoftHyphen)[] = [];
    pieces.forEach((p, j) => {
      if (j > 0) children.push(new SoftHyphen());
      if (p) children.push(p);
    });
    return new TextRun({
      children,
      break: i > 0 ? 1 : undefined,
      bold: f?.bold,
      italics: f?.italic,
      strike: f?.strike,
      color: f?.color,
      size: f?.size ? f.size * 2 : size ? size * 2 : undefined,
    });
  });
}

function runs(list: Run[], size?: number): TextRun[] {
  return list.flatMap((r) => {
    if (typeof r === 'string') return textRun(r, null, size);
    if ('field' in r)
      return [
        new TextRun({
          children: [r.field === 'PAGE' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES],
          size: size ? size * 2 : undefined,
        }),
      ];
    return textRun(r.text, r, size);
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

function paragraph(p: Para, size?: number): Paragraph {
  return new Paragraph({
    children: runs(p.runs, size),
    alignment: p.align ? ALIGN[p.align] : undefined,
    bullet: p.list === 'bullet' ? { level: 0 } : undefined,
    numbering: p.list === 'number' ? { reference: 'numbers', level: 0 } : undefined,
    spacing: { after: (p.after ?? 0) * 20 },
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function table(t: TableBlock, usable: number): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const grid = t.widths.map((w) => Math.round((w / total) * usable));
  return new Table({
    width: { size: usable, type: WidthType.DXA },
    columnWidths: grid,
    borders: t.borderless
      ? { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }
      : undefined,
    rows: t.rows.map((row) => {
      let col = 0;
      return new TableRow({
        tableHeader: row.header,
        cantSplit: row.cantSplit,
        children: row.cells.map((c) => {
          const span = c.span ?? 1;
          const width = grid.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            children: c.paras.length ? c.paras.map((p) => paragraph(p)) : [new Paragraph('')],
            columnSpan: span > 1 ? span : undefined,
            width: { size: width, type: WidthType.DXA },
            verticalMerge:
              c.vmerge === 'restart'
                ? VerticalMergeType.RESTART
                : c.vmerge === 'continue'
                  ? VerticalMergeType.CONTINUE
                  : undefined,
            shading: c.shade ? { type: ShadingType.CLEAR, fill: c.shade, color: 'auto' } : undefined,
            margins: { top: 40, bottom: 40, left: 90, right: 90 },
          });
        }),
      });
    }),
  });
}

export async function buildDocx(layout: Layout): Promise<Buffer> {
  const landscape = layout.orientation === 'landscape';
  const margin = Math.round(layout.margin * CM);
  const usable = (landscape ? A4.long : A4.short) - 2 * margin;
  const children: (Paragraph | Table)[] = [];
  for (const b of layout.blocks) {
    if ('kind' in b && b.kind === 'table') children.push(table(b, usable));
    else if ('kind' in b) children.push(new Paragraph(''));
    else children.push(paragraph(b));
  }
  const furniture = (ps: Para[] | undefined) => (ps ?? []).map((p) => paragraph(p, layout.size - 1));
  const doc = new Document({
    creator: layout.author,
    lastModifiedBy: layout.author,
    title: layout.title,
    styles: { default: { document: { run: { font: layout.font, size: layout.size * 2 } } } },
    numbering: {
      config: [
        {
          reference: 'numbers',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
              width: A4.short,
              height: A4.long,
            },
            margin: { top: margin, bottom: margin, left: margin, right: margin, header: 400, footer: 400 },
          },
        },
        headers: layout.header ? { default: new Header({ children: furniture(layout.header) }) } : undefined,
        footers: layout.footer ? { default: new Footer({ children: furniture(layout.footer) }) } : undefined,
        children,
      },
    ],
  });
  return reproducible(await Packer.toBuffer(doc), layout.date);
}

/** The same bytes for the same layout: the zip's times and the document's dates set to `date`. */
async function reproducible(docx: Buffer, date: string): Promise<Buffer> {
  const stamp = `${date}T09:00:00Z`;
  const entries = await new Promise<{ name: string; data: Buffer }[]>((resolve, reject) => {
    yauzl.fromBuffer(docx, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(parts) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
  const zip = new yazl.ZipFile();
  const mtime = new Date(stamp);
  for (const e of entries) {
    let data = e.data;
    if (e.name === 'docProps/core.xml') {
      data = Buffer.from(
        data.toString('utf8').replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`),
        'utf8',
      );
    }
    zip.addBuffer(data, e.name, { mtime, compress: true });
  }
  zip.end();
  const parts: Buffer[] = [];
  for await (const c of zip.outputStream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}
