/**
 * The matrix as a Word document in the classic layout evaluation offices expect: the header
 * paragraphs, then one five-column table per recommendation (recommendation, addressed to and
 * priority, management response, the key-action table with its merged "Implementation monitoring"
 * header). Labels are the template's own, so the document imports back as the same evaluation.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { readResponse } from '../import/importMatrixText.js';
import type { Matrix, Response } from '../model.js';
import { formatUpdates } from './rows.js';
import { STATUS_LABELS } from './words.js';

const RESPONSE_WORDS: Record<Response, string> = {
  accepted: 'Accepted.',
  partially_accepted: 'Partially accepted.',
  rejected: 'Rejected.',
};

/** The response as written, opened with its decision when the text does not state it. */
export function responseAsWritten(response: Response | null, text: string | null): string {
  const t = text?.trim() ?? '';
  if (!response || readResponse(t) === response) return t;
  return t ? `${RESPONSE_WORDS[response]} ${t}` : RESPONSE_WORDS[response];
}

/** The timeframe as written; when only a due window was set, that window in words the importer reads. */
export function timeframeAsWritten(a: Matrix['recommendations'][number]['actions'][number]): string {
  if (a.timeframe) return a.timeframe;
  if (!a.due) return '';
  return a.due.from ? `${a.due.from} – ${a.due.to}` : `By ${a.due.to}`;
}

const COLS = 5;
const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: border, bottom: border, left: border, right: border };

function paragraphs(text: string | null, bold = false): Paragraph[] {
  const lines = (text ?? '').split('\n');
  return lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

function labelled(label: string, value: string | null): Paragraph[] {
  const [first, ...rest] = (value ?? '').split('\n');
  return [
    new Paragraph({ children: [new TextRun({ text: `${label} `, bold: true }), new TextRun(first)] }),
    ...rest.map((line) => new Paragraph(line)),
  ];
}

function cell(children: Paragraph[], span = 1, shaded = false): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    columnSpan: span > 1 ? span : undefined,
    borders,
    shading: shaded ? { type: ShadingType.CLEAR, fill: 'DCE6F1', color: 'auto' } : undefined,
  });
}

function recommendationTable(m: Matrix, r: Matrix['recommendations'][number]): Table {
  const priority = r.priority === null ? 'N/A' : String(r.priority);
  const rows: TableRow[] = [
    new TableRow({
      children: [cell(labelled(`Evaluation recommendation ${r.number}:`, r.text), COLS, true)],
    }),
    new TableRow({
      children: [
        cell(labelled('Recommendation to:', r.addressedTo), 3),
        cell(
          labelled(
            'Priority level (1 to 3):',
            r.priorityJustification ? `${priority} – ${r.priorityJustification}` : priority,
          ),
          2,
        ),
      ],
    }),
    new TableRow({
      children: [
        cell(
          labelled(
            'Management response (Accept/Partially Accept/Reject):',
            responseAsWritten(r.response, r.responseText),
          ),
          COLS,
        ),
      ],
    }),
    new TableRow({
      tableHeader: false,
      children: [
        cell(paragraphs('Key actions', true), 1, true),
        cell(paragraphs('Timeframe or deadline', true), 1, true),
        cell(paragraphs('Responsible unit(s)', true), 1, true),
        cell(paragraphs('Implementation monitoring', true), 2, true),
      ],
    }),
    new TableRow({
      children: [
        cell([], 1, true),
        cell([], 1, true),
        cell([], 1, true),
        cell(paragraphs('Comments or action taken', true), 1, true),
        cell(paragraphs('Status', true), 1, true),
      ],
    }),
  ];
  for (const a of r.actions) {
    const comments = [a.comments, formatUpdates(a.updates)].filter(Boolean).join('\n');
    rows.push(
      new TableRow({
        children: [
          cell(paragraphs(`${a.number} ${a.text}`)),
          cell(paragraphs(timeframeAsWritten(a))),
          cell(paragraphs(a.responsible)),
          cell(paragraphs(comments)),
          cell(paragraphs(STATUS_LABELS[a.status] ?? a.status)),
        ],
      }),
    );
  }
  if (m.statusTemplate === '2022') {
    rows.push(
      new TableRow({
        children: [
          cell(
            labelled(
              'Implementation monitoring status - discarded/open/completed:',
              r.status ? STATUS_LABELS[r.status] : '',
            ),
            COLS,
          ),
        ],
      }),
      new TableRow({ children: [cell(labelled('Comments on implementation status:', r.comments), COLS)] }),
    );
  }
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [4200, 1800, 2200, 3000, 1600],
  });
}

export async function exportMatrixDocx(m: Matrix): Promise<Buffer> {
  const years = [...(m.period ?? '').matchAll(/\b(?:19|20|21)\d{2}\b/g)].map((y) => Number(y[0]));
  const periodGivesYear = years.length > 0 && Math.max(...years) === m.year;
  const header: Paragraph[] = [
    new Paragraph({
      text: 'Management follow-up response matrix',
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
    }),
    ...labelled('Evaluation Title/Year:', m.period ? `${m.title} (${m.period})` : m.title),
  ];
  if (m.year !== null && !periodGivesYear) header.push(...labelled('Year:', String(m.year)));
  if (m.owner) {
    header.push(
      ...labelled('Person or body responsible for completing management follow up response matrix:', m.owner),
    );
  }
  if (m.evaluators) header.push(...labelled('Evaluation carried out by:', m.evaluators));
  if (m.publishedOn) header.push(...labelled('Date of management response:', m.publishedOn));
  if (m.overallComment) header.push(...labelled('Overall comment:', m.overallComment));
  for (const note of m.notes) header.push(...paragraphs(note));

  const body: (Paragraph | Table)[] = [...header];
  for (const r of m.recommendations) {
    body.push(new Paragraph(''), recommendationTable(m, r));
  }
  const doc = new Document({
    creator: 'Integra',
    title: m.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [
      { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: body },
    ],
  });
  return Packer.toBuffer(doc);
}
