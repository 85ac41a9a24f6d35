import { describe, expect, it } from 'vitest';
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
    ])('%s', async (_label, build, name, message) => {
      await expect(importMatrixFile(await build(), name)).rejects.toThrow(message);
    });

    it('refuses a zip bomb of 1 GB unpacked without unpacking it', async () => {
      const bomb = await buildZipBomb();
      expect(bomb.length).toBeLessThan(10 * 1024 * 1024);
      const before = process.memoryUsage().rss;
      await expect(importMatrixFile(bomb, 'bomb.docx')).rejects.toThrow(/unpack to more than/);
      expect(process.memoryUsage().rss - before).toBeLessThan(500 * 1024 * 1024);
    });
  });
});
