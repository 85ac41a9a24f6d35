/**
 * The management report laid out: as Word (.docx), Excel (.xlsx: a sheet per table) or PDF. Word and
 * Excel carry every language; the PDF is drawn with the built-in PDF fonts, which write the Latin
 * alphabet only, so an Arabic reader is sent to the Word or Excel report with a reason.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { safeText } from '../../lib/spreadsheet.js';
import { Unsupported } from '../../server/errors.js';
import type { ManagementReport } from './report.js';

const rtl = (language: string) => language === 'ar';

export async function reportDocx(r: ManagementReport, language: string): Promise<Buffer> {
  const bidi = rtl(language);
  const p = (
    text: string,
    opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bold?: boolean } = {},
  ) =>
    new Paragraph({
      heading: opts.heading,
      bidirectional: bidi,
      alignment: bidi ? AlignmentType.RIGHT : undefined,
      children: [new TextRun({ text, bold: opts.bold, rightToLeft: bidi })],
    });
  const grid = (headers: string[], rows: (string | number)[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: bidi,
      rows: [
        new TableRow({
          tableHeader: true,
          children: headers.map((h) => new TableCell({ children: [p(h, { bold: true })] })),
        }),
        ...rows.map(
          (row) => new TableRow({ children: row.map((v) => new TableCell({ children: [p(String(v))] })) }),
        ),
      ],
    });
  const children: (Paragraph | Table)[] = [
    p(r.title, { heading: HeadingLevel.TITLE }),
    p(r.organisation, { bold: true }),
    p(r.period),
    p(r.takenOn),
    ...r.summary.map((s) => p(s)),
  ];
  for (const tb of r.tables)
    children.push(p(tb.title, { heading: HeadingLevel.HEADING_1 }), grid(tb.headers, tb.rows));
  children.push(p(r.overdueTitle, { heading: HeadingLevel.HEADING_1 }));
  for (const g of r.overdue) {
    children.push(
      p(g.unit, { heading: HeadingLevel.HEADING_2 }),
      grid(
        r.overdueHeaders,
        g.rows.map((a) => [a.evaluation, a.number, a.text, a.dueBy, a.status]),
      ),
    );
  }
  if (r.notListed) children.push(p(r.notListed));
  const doc = new Document({
    creator: 'Integra',
    title: `${r.title} — ${r.organisation}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

export async function reportXlsx(r: ManagementReport, language: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Integra';
  const sheetName = (s: string) => s.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';
  const views = [{ rightToLeft: rtl(language) }];
  const cover = book.addWorksheet(sheetName(r.title), { views });
  cover.getColumn(1).width = 100;
  for (const line of [r.title, r.organisation, r.period, r.takenOn, '', ...r.summary])
    cover.addRow([safeText(line)]);
  cover.getRow(1).font = { bold: true, size: 14 };
  const used = new Set<string>([sheetName(r.title)]);
  const add = (title: string, headers: string[], rows: (string | number)[][]) => {
    let name = sheetName(title);
    for (let i = 2; used.has(name); i++) name = sheetName(`${title.slice(0, 27)} ${i}`);
    used.add(name);
    const sheet = book.addWorksheet(name, { views: [{ ...views[0], state: 'frozen', ySplit: 1 }] });
    sheet.addRow(headers.map(safeText)).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? safeText(v) : v)));
    sheet.columns.forEach((c, i) => {
      c.width = i === 0 ? 35 : 14;
    });
  };
  for (const tb of r.tables) add(tb.title, tb.headers, tb.rows);
  const overdueRows = r.overdue.flatMap((g) =>
    g.rows.map((a) => [g.unit, a.evaluation, a.number, a.text, a.dueBy, a.status]),
  );
  if (r.notListed) overdueRows.push([r.notListed]);
  add(r.overdueTitle, [r.tables[1]?.headers[0] ?? '', ...r.overdueHeaders], overdueRows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function reportPdf(r: ManagementReport, language: string): Promise<Buffer> {
  if (rtl(language)) {
    throw new Unsupported(
      'The PDF report is written in the Latin alphabet only: download the Word or Excel report for Arabic.',
    ).because('reportPdfScript');
  }
  // pdfkit loads on the first PDF, not with the server.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: r.title, Creator: 'Integra' } });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    const width = doc.page.width - 100;
    doc.font('Helvetica-Bold').fontSize(18).text(r.title).fontSize(12).text(r.organisation);
    doc.font('Helvetica').fontSize(10).text(`${r.period} · ${r.takenOn}`).moveDown();
    for (const s of r.summary) doc.text(s).moveDown(0.3);
    const row = (cells: (string | number)[], bold = false) => {
      const first = width * 0.4;
      const rest = (width - first) / Math.max(1, cells.length - 1);
      const y = doc.y;
      let x = 50;
      let bottom = y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
      cells.forEach((c, i) => {
        const w = i === 0 ? first : rest;
        doc.text(String(c), x, y, { width: w - 4 });
        bottom = Math.max(bottom, doc.y);
        x += w;
      });
      doc.x = 50;
      doc.y = bottom + 2;
      if (doc.y > doc.page.height - 80) doc.addPage();
    };
    for (const tb of r.tables) {
      doc.moveDown().font('Helvetica-Bold').fontSize(13).text(tb.title, 50).fontSize(9);
      row(tb.headers, true);
      for (const rw of tb.rows) row(rw);
      doc.fontSize(10);
    }
    doc.moveDown().font('Helvetica-Bold').fontSize(13).text(r.overdueTitle, 50);
    for (const g of r.overdue) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text(g.unit, 50).fontSize(9);
      for (const a of g.rows) {
        doc
          .font('Helvetica')
          .text(`${a.evaluation} · ${a.number} · ${a.dueBy} · ${a.status}`, 50, undefined, { width });
        doc.text(a.text, 60, undefined, { width: width - 10 }).moveDown(0.3);
        if (doc.y > doc.page.height - 80) doc.addPage();
      }
    }
    if (r.notListed) doc.moveDown().font('Helvetica').fontSize(10).text(r.notListed, 50);
    doc.end();
  });
}
