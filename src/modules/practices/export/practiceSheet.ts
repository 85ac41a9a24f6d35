/**
 * A practice as a sheet to share: its description, coverage per criterion, and each guiding
 * question with its narrative, inspiring tools and checklist marks — as Word (.docx) or PDF.
 */
import {
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
import type { PracticePage } from '../service.js';

const MARK_WORDS: Record<string, string> = {
  met: '✓ met',
  not_met: '– not met',
  not_applicable: 'n/a',
  not_assessed: 'not assessed',
};
const percent = (c: number | null) => (c === null ? 'not assessed' : `${Math.round(c * 100)}%`);

function facts(p: PracticePage): [string, string][] {
  const rows: [string, string | null][] = [
    ['Organisations', p.organisations.join(', ')],
    ['Country', [p.region, p.country].filter(Boolean).join(', ')],
    ['Target groups', p.targetGroups.join(', ')],
    ['Areas of integration', p.areas.join(', ').replace(/_/g, ' ')],
    ['Period', p.period],
    ['Funding', p.fundingSources.join(', ')],
    ['Partners', p.partners.join(', ')],
    ['Links', p.links.join(' ')],
    ['Contact', p.contact],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1]));
}

export async function practiceSheetDocx(p: PracticePage): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const body: (Paragraph | Table)[] = [new Paragraph({ text: p.title, heading: HeadingLevel.TITLE })];
  if (p.summary) body.push(new Paragraph(p.summary));
  const f = facts(p);
  if (f.length) {
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: f.map(([k, v]) => new TableRow({ children: [cell(k, true), cell(v)] })),
      }),
    );
  }
  if (p.framework) {
    body.push(new Paragraph({ text: `Assessment: ${p.framework.name}`, heading: HeadingLevel.HEADING_1 }));
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({
            children: [cell('Criterion', true), cell('Items met / assessed', true), cell('Coverage', true)],
          }),
          ...p.coverage.map(
            (c) =>
              new TableRow({
                children: [cell(c.name), cell(`${c.met} / ${c.assessed}`), cell(percent(c.coverage))],
              }),
          ),
        ],
      }),
    );
  }
  for (const c of p.criteria) {
    if (c.questions.length === 0) continue;
    body.push(new Paragraph({ text: c.name, heading: HeadingLevel.HEADING_2 }));
    for (const q of c.questions) {
      body.push(new Paragraph({ text: q.text, heading: HeadingLevel.HEADING_3 }));
      for (const para of q.narrative.split(/\n+/).filter(Boolean)) body.push(new Paragraph(para));
      if (q.inspiringTools.length)
        body.push(
          new Paragraph({
            children: [
              new TextRun({ text: 'Inspiring tools: ', bold: true }),
              new TextRun(q.inspiringTools.join('; ')),
            ],
          }),
        );
      for (const it of q.items)
        body.push(new Paragraph({ text: `${MARK_WORDS[it.mark]} — ${it.text}`, bullet: { level: 0 } }));
    }
  }
  return Packer.toBuffer(
    new Document({ creator: 'Integra', title: p.title, sections: [{ children: body }] }),
  );
}

export async function practiceSheetPdf(p: PracticePage): Promise<Buffer> {
  // pdfkit loads on the first PDF, not with the server.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: p.title, Creator: 'Integra' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    // The built-in fonts lack ✓: marks are written in words.
    const mark = (m: string) =>
      ({ met: 'MET', not_met: 'NOT MET', not_applicable: 'N/A', not_assessed: 'NOT ASSESSED' })[m] ?? m;
    doc.font('Helvetica-Bold').fontSize(18).text(p.title).moveDown(0.5);
    doc.font('Helvetica').fontSize(10);
    if (p.summary) doc.text(p.summary).moveDown(0.5);
    for (const [k, v] of facts(p))
      doc.font('Helvetica-Bold').text(`${k}: `, { continued: true }).font('Helvetica').text(v);
    if (p.framework) {
      doc
        .moveDown()
        .font('Helvetica-Bold')
        .fontSize(13)
        .text(`Assessment: ${p.framework.name}`)
        .fontSize(10)
        .font('Helvetica');
      for (const c of p.coverage)
        doc.text(`${c.name}: ${c.met} of ${c.assessed} items met (${percent(c.coverage)})`);
    }
    for (const c of p.criteria) {
      if (c.questions.length === 0) continue;
      doc.moveDown().font('Helvetica-Bold').fontSize(12).text(c.name).fontSize(10);
      for (const q of c.questions) {
        doc.moveDown(0.3).font('Helvetica-Bold').text(q.text).font('Helvetica');
        if (q.narrative) doc.text(q.narrative);
        if (q.inspiringTools.length)
          doc
            .font('Helvetica-Oblique')
            .text(`Inspiring tools: ${q.inspiringTools.join('; ')}`)
            .font('Helvetica');
        for (const it of q.items) doc.text(`[${mark(it.mark)}] ${it.text}`, { indent: 10 });
      }
    }
    doc.end();
  });
}
