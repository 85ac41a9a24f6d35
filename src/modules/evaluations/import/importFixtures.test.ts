/**
 * The LibreOffice-made fixtures (fixtures/matrices/: Word files in the layouts offices use and the
 * PDFs LibreOffice prints from them) read as a careful person reads them: at least 98 % of the
 * fields right in every file, Word and PDF alike, and no text of a page's furniture in any field.
 * `npm run bench:accuracy` prints the same figures field by field.
 */
import { describe, expect, it } from 'vitest';
import { measureAccuracy } from './fixtures/accuracy.js';
import { FIXTURES, loadFixture } from './fixtures/matrices/index.js';
import { importMatrixFile } from './importMatrixFile.js';

const TARGET = 0.98;

describe.each(FIXTURES.map((f) => [`${f.name} (${f.language})`, f.name] as const))(
  'the matrix %s',
  (_, name) => {
    it.each(['docx', 'pdf'] as const)(
      'reads at least 98 percent of its fields right from the .%s',
      async (kind) => {
        const { buffer, expected } = loadFixture(name, kind);
        const { evaluation } = await importMatrixFile(buffer, `${name}.${kind}`);
        const accuracy = measureAccuracy(expected, evaluation);
        // The misses are in the message, so a failure says which fields were read wrong.
        expect({ share: accuracy.right / accuracy.total >= TARGET, misses: accuracy.misses }).toEqual({
          share: true,
          misses: expect.any(Array),
        });
        expect(evaluation.recommendations.map((r) => r.number)).toEqual(
          expected.recommendations.map((r) => r.number),
        );
        const everything = JSON.stringify(evaluation);
        expect(everything).not.toMatch(/\bPage \d+ (?:of|de|sur) \d+\b/i);
      },
    );
  },
);
