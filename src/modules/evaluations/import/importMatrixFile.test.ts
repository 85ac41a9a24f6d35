import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../server/errors.js';
import { measureAccuracy } from './fixtures/accuracy.js';
import {
  build2022Docx,
  buildClassicDocx,
  buildClassicPdf,
  buildClassicText,
  buildMinutesDocx,
  buildScannedPdf,
  buildZipBomb,
  TRUTH_2022,
  TRUTH_CLASSIC,
  TRUTH_FRENCH,
} from './fixtures/documents.js';
import { importMatrixFile } from './importMatrixFile.js';

describe('importing Word and PDF matrices', () => {
  it.each([
    [
      'classic, one table per recommendation, instructions left in cells',
      () => buildClassicDocx(TRUTH_CLASSIC, { instructions: true }),
      TRUTH_CLASSIC,
    ],
    [
      'classic, one long table',
      () => buildClassicDocx(TRUTH_CLASSIC, { layout: 'one-table' }),
      TRUTH_CLASSIC,
    ],
    ['classic with French headings', () => buildClassicDocx(TRUTH_FRENCH, { french: true }), TRUTH_FRENCH],
    [
      '2022 template, labels and values in two columns, bulleted actions',
      () => build2022Docx(TRUTH_2022),
      TRUTH_2022,
    ],
  ])('reads a .docx: %s', async (_label, build, truth) => {
    const { evaluation, warnings } = await importMatrixFile(await build(), 'matrix.docx');
    const accuracy = measureAccuracy(truth, evaluation);
    expect(accuracy.misses).toEqual([]);
    expect(JSON.stringify(evaluation)).not.toMatch(/Complete this field/);
    expect(warnings.filter((w) => !/no management response|does not say/i.test(w.message))).toEqual([]);
  });

  it('reads the same matrix pasted as text', async () => {
    const { evaluation } = await importMatrixFile(Buffer.from(buildClassicText(TRUTH_CLASSIC)), 'matrix.txt');
    expect(measureAccuracy(TRUTH_CLASSIC, evaluation).misses).toEqual([]);
  });

  it('reads a numbered list in a Word cell as numbered lines', async () => {
    const { evaluation } = await importMatrixFile(await buildClassicDocx(TRUTH_CLASSIC), 'matrix.docx');
    expect(evaluation.recommendations[0].text).toBe(TRUTH_CLASSIC.recommendations[0].text);
    expect(evaluation.recommendations[0].text.split('\n')).toHaveLength(2);
  });

  it('rebuilds the key-action columns of a PDF from text positions, and says it did', async () => {
    const { evaluation, warnings } = await importMatrixFile(
      await buildClassicPdf(TRUTH_CLASSIC),
      'matrix.pdf',
    );
    const accuracy = measureAccuracy(TRUTH_CLASSIC, evaluation);
    expect(accuracy.misses).toEqual([]);
    expect(warnings.some((w) => /PDF/.test(w.message))).toBe(true);
  });

  describe('refuses what it cannot read, saying why', () => {
    const REASONS: Record<string, string> = {
      'a password-protected Word file': 'passwordProtected',
      'an old .doc file': 'oldWord',
      'a damaged .docx': 'damaged',
      'a .docx that is not a matrix': 'noRecommendation',
      'a file named .docx that is not one': 'notWord',
      'a scanned PDF': 'scanned',
      'a password-protected PDF': 'passwordProtected',
      'a damaged PDF': 'damaged',
    };
    it.each([
      [
        'a password-protected Word file',
        () =>
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(500),
            Buffer.from('EncryptionInfo', 'utf16le'),
            Buffer.alloc(500),
          ]),
        'matrix.docx',
        /password-protected/,
      ],
      [
        'an old .doc file',
        () =>
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]),
        'matrix.doc',
        /97–2003/,
      ],
      [
        'a damaged .docx',
        async () => (await buildClassicDocx(TRUTH_CLASSIC)).subarray(0, 3000),
        'matrix.docx',
        /damaged/,
      ],
      ['a .docx that is not a matrix', () => buildMinutesDocx(), 'minutes.docx', /No recommendation found/],
      [
        'a file named .docx that is not one',
        () => Buffer.from('just some words'),
        'matrix.docx',
        /not a Word document/,
      ],
      ['a scanned PDF', () => buildScannedPdf(), 'scan.pdf', /no text layer/],
      [
        'a password-protected PDF',
        () => buildClassicPdf(TRUTH_CLASSIC, { userPassword: 'secret' }),
        'locked.pdf',
        /password-protected/,
      ],
      ['a damaged PDF', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj garbage'), 'broken.pdf', /damaged/],
    ])('%s', async (label, build, name, message) => {
      const refused = await importMatrixFile(await build(), name).then(
        () => null,
        (e: AppError) => e,
      );
      expect(refused?.message).toMatch(message);
      // Named, so the web can say it in the reader's language.
      expect(refused?.reason).toBe(REASONS[label]);
    });

    it('refuses a zip bomb of 1 GB unpacked without unpacking it', async () => {
      const bomb = await buildZipBomb();
      expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
      const before = process.memoryUsage().rss;
      await expect(importMatrixFile(bomb, 'bomb.docx')).rejects.toThrow(/unpack to more than/);
      expect(process.memoryUsage().rss - before).toBeLessThan(500 * 1024 * 1024);
    });
  });

  describe('a Word matrix with struck options, Roman-numbered headings and a Spanish recommendation', () => {
    const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
    /** A paragraph whose parts between ~~ are struck through: "~~accept~~/partially accept". */
    const struckRuns = (text: string) =>
      new Paragraph({
        children: text.split('~~').map((t, i) => new TextRun({ text: t, strike: i % 2 === 1 })),
      });
    const row = (label: Paragraph, value: Paragraph[]) =>
      new TableRow({ children: [new TableCell({ children: [label] }), new TableCell({ children: value })] });
    const table = (...rows: TableRow[]) =>
      new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
    const item = (reference: string, text: string) =>
      new Paragraph({ text, numbering: { reference, level: 0 } });
    const list = (
      reference: string,
      format: (typeof LevelFormat)[keyof typeof LevelFormat],
      text: string,
      start = 1,
    ) => ({
      reference,
      levels: [{ level: 0, format, text, start, alignment: AlignmentType.START }],
    });

    const build = () =>
      Packer.toBuffer(
        new Document({
          numbering: {
            config: [
              list('recs', LevelFormat.UPPER_ROMAN, 'Recommendation %1:'),
              list('recs-es', LevelFormat.UPPER_ROMAN, 'Recomendación %1:', 3),
              list('bullets', LevelFormat.BULLET, '•'),
            ],
          },
          sections: [
            {
              children: [
                p('Management response matrix'),
                p('Evaluation title: Evaluation of the family reunification helpdesk'),
                p('Year: 2024'),
                item('recs', 'Answer calls within two working days.'),
                table(
                  row(p('Responsible unit(s):'), [p('Helpdesk team')]),
                  row(p('Priority level (1 to 3):'), [p('1')]),
                  row(struckRuns('Management response - ~~accept~~/partially accept/~~reject~~:'), [
                    p('Two more operators will be hired; the evening line stays closed.'),
                  ]),
                  row(p('Key actions:'), [
                    item('bullets', 'Hire two operators (Q1 2025)'),
                    item('bullets', 'Publish the callback hours (Q2 2025)'),
                  ]),
                ),
                item('recs', 'Publish the list of documents needed for each case.'),
                table(
                  row(p('Responsible unit(s):'), [p('Communication unit')]),
                  row(struckRuns('Management response - accept/~~partially accept~~/~~reject~~:'), [
                    p('The list will be online by March.'),
                  ]),
                ),
                item('recs-es', 'Traducir los formularios al árabe y al dari.'),
                table(
                  row(
                    struckRuns('Respuesta de la dirección - ~~aceptar~~/~~aceptar parcialmente~~/rechazar:'),
                    [p('No hay presupuesto para traducciones este año.')],
                  ),
                ),
              ],
            },
          ],
        }),
      );

    it('reads each recommendation with the number Word shows, and the answer its label kept', async () => {
      const { evaluation } = await importMatrixFile(await build(), 'helpdesk.docx');
      expect(evaluation.title).toBe('Evaluation of the family reunification helpdesk');
      expect(evaluation.statusTemplate).toBe('2022');
      expect(
        evaluation.recommendations.map((r) => [r.number, r.text, r.addressedTo, r.responseText]),
      ).toEqual([
        [
          'I',
          'Answer calls within two working days.',
          'Helpdesk team',
          'Two more operators will be hired; the evening line stays closed.',
        ],
        [
          'II',
          'Publish the list of documents needed for each case.',
          'Communication unit',
          'The list will be online by March.',
        ],
        [
          'III',
          'Traducir los formularios al árabe y al dari.',
          null,
          'No hay presupuesto para traducciones este año.',
        ],
      ]);
      // Read from the label: the response texts themselves say neither.
      expect(evaluation.recommendations.slice(1).map((r) => r.response)).toEqual(['accepted', 'rejected']);
      expect(
        evaluation.recommendations[0].actions.map((a) => [a.number, a.text, a.timeframe, a.responsible]),
      ).toEqual([
        ['I.1', 'Hire two operators', 'Q1 2025', 'Helpdesk team'],
        ['I.2', 'Publish the callback hours', 'Q2 2025', 'Helpdesk team'],
      ]);
    });

    // BUG: "accept" and "reject" struck leave "Management response - partially accept:", which
    // chosenInLabel does not read (see matrixWords.test.ts): the response stays empty, with a warning.
    it('reads "partially accept" as the answer when the two other options are struck', async () => {
      const { evaluation, warnings } = await importMatrixFile(await build(), 'helpdesk.docx');
      expect(evaluation.recommendations[0].response).toBe('partially_accepted');
      expect(warnings.filter((w) => /management response/i.test(w.where ?? ''))).toEqual([]);
    });

    it('does not read a run marked w:strike w:val="0" as struck', async () => {
      const run = (text: string, props = '') =>
        `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
      const para = (...content: string[]) => `<w:p>${content.join('')}</w:p>`;
      const body = [
        para(run('Evaluation recommendation 1: Open the desks on Saturday mornings.')),
        para(
          run('Management response - '),
          run('accept', '<w:strike w:val="0"/>'),
          run('/'),
          run('partially accept', '<w:strike/>'),
          run('/'),
          run('reject', '<w:dstrike/>'),
          run(':'),
        ),
        para(run('Two desks will open from May.')),
      ].join('');
      const { evaluation } = await importMatrixFile(await docxOf(body), 'desks.docx');
      expect(evaluation.recommendations.map((r) => [r.number, r.response, r.responseText])).toEqual([
        ['1', 'accepted', 'Two desks will open from May.'],
      ]);
    });
  });
});

/** A minimal Word file around a document body written by hand. */
async function docxOf(body: string): Promise<Buffer> {
  const { default: yazl } = await import('yazl');
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '[Content_Types].xml',
  );
  zip.addBuffer(
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
    'word/document.xml',
  );
  zip.end();
  const parts: Buffer[] = [];
  for await (const c of zip.outputStream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}
