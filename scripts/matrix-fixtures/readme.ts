/** The README of the fixtures folder, written by make.ts with the page counts of the PDFs it made. */
import type { Habit } from '../../src/modules/evaluations/import/fixtures/matrices/index.js';
import type { MatrixSpec } from './spec.js';

export const HABIT_NOTES: Record<Habit, string> = {
  'table-across-pages':
    'a table runs over two or more pages and LibreOffice splits rows between them, so the page header and footer land between two halves of a row in the PDF',
  'repeated-header-row':
    'the column headings are a header row (`tableHeader`), repeated at the top of each page',
  'header-not-repeated': 'a table crosses pages without its headings being repeated',
  'page-header-footer':
    'page header and/or footer: a running title, "Page 5 of 6" (PAGE/NUMPAGES fields) or the page number alone; never part of any field',
  'two-line-header-cells':
    'headings on two lines ("Timeframe or / deadline"), by a line break or two paragraphs',
  'unnumbered-actions':
    'key actions without numbers, one per table row (they are read as "<recommendation>.1", "<recommendation>.2", …)',
  'multi-paragraph-cells': 'several paragraphs in one cell (joined by "\\n" in the reading)',
  'labels-side-by-side':
    '"Recommendation to: …" and "Priority level (1 to 3): …" in two cells of one row, values long enough to wrap',
  'whole-matrix-one-table':
    'the whole matrix is one table: each label a row, a recommendation in a merged row',
  'time-markers-2022': 'the 2022 template\'s "(Time 0)" / "(Time 2)" labels',
  'struck-out-options':
    'the response given by striking out the options that do not apply (struck runs in Word, lines drawn through the text in the PDF); the struck options are not part of the response',
  'deleted-options': 'the response given by deleting the options that do not apply',
  'instruction-text-left':
    'the template\'s instruction ("Complete this field when following up…") left in empty cells; read as nothing',
  'timeframe-in-action-text':
    "timeframe and unit written in the action sentence (after a comma, a dash, or in brackets) with the table's cells empty or absent; the reading takes them out of the text",
  'letters-or-roman-numbers': 'recommendations numbered A, B, C… or I, II, III…; numbers kept as written',
  'unnumbered-recommendations': 'recommendations without numbers (read as "1", "2", … in order)',
  'cross-reference-at-line-start':
    'a cross-reference such as "(see recommendation #1)" wrapped to the start of a line, which is not a new recommendation',
  'priority-range':
    'a priority written as a range ("2-3"), read as its higher priority, the first number (2)',
  'funding-conditional':
    'an action conditional on funding ("subject to funding", "sous réserve de financement", "sujeto a la disponibilidad de fondos"): fundingConditional is true',
  'typographic-quotes': 'typographic quotes and apostrophes (“ ” « » ’) and accented letters',
  'hyphenation-at-line-end':
    'optional hyphens (soft hyphens) in long words, on which LibreOffice splits a word at a line end ("inter-" / "national"); the reading has the whole word',
};

export function readme(ms: MatrixSpec[], pages: Record<string, number>): string {
  // The table padded as the formatter (biome) pads it, so that a regenerated README is already formatted.
  const cells = [
    ['name', 'language', 'pages', 'template', 'habits'],
    ...ms.map((m) => [
      `\`${m.name}\``,
      m.language,
      String(pages[m.name] ?? '?'),
      m.statusTemplate,
      m.habits.join(', '),
    ]),
  ];
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const table = [line(cells[0]), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)];
  const habits = Object.entries(HABIT_NOTES).map(([h, note]) => `- \`${h}\`: ${note}.`);
  const files = ms.map((m) => {
    const actions = m.recommendations.reduce((n, r) => n + r.actions.length, 0);
    return `- \`${m.name}\`: ${m.summary} ${m.recommendations.length} recommendations, ${actions} key actions.`;
  });
  return `# Management response matrices, made the way real files are made

Each fixture is three files:

- \`NAME.docx\`: a Word file built with the \`docx\` library from a layout description, the way offices lay
  out IOM's classic template or its 2022 template (scripts/matrix-fixtures/);
- \`NAME.pdf\`: that file printed to PDF by LibreOffice (\`libreoffice --headless --convert-to pdf\`), landscape A4;
- \`NAME.expected.json\`: the \`ImportedEvaluation\` a careful person reads from it (checked against
  \`importedEvaluationSchema\`).

\`index.ts\` lists them (\`FIXTURES\`: name, habits, language) and loads them (\`loadFixture(name, 'docx' | 'pdf')\`).
\`fixtures.test.ts\` checks the fixtures themselves (files present, JSON valid, page counts below, each habit in
each language); it does not measure the importer.

All texts are fictional, written for these fixtures.

## Fixtures

${table.join('\n')}

${files.join('\n')}

## Habits

${habits.join('\n')}

## How the expected reading is written

- Numbers as written ("A", "IV", "3", "2.1"); unnumbered recommendations are "1", "2", … in order; unnumbered
  key actions are "<recommendation number>.<k>".
- Texts trimmed; the paragraphs of one cell joined by "\\n"; optional hyphens and non-breaking spaces read as
  nothing and as plain spaces.
- \`responseText\`: the response as written, without its label and without struck or deleted options;
  \`response\` follows from it.
- \`timeframe\` and \`responsible\` as written; taken out of the action sentence when written in it (the action
  \`text\` then without them and without the comma, dash or brackets around them).
- \`responsible\` falls back to the recommendation's addressee only when nothing is written for the action.
- \`priority\`: a range such as "2-3" is read as its higher priority, the first number (2).
- \`due\`: \`parseTimeframe\` (src/lib/parseTimeframe.ts) with the evaluation year and the date of the response,
  except where a person reads the timeframe otherwise (make.ts prints both).
- \`status\`: the action tracker's vocabulary (\`STATUS_VOCABULARIES\`), null when blank or when only the
  template's instruction is in the cell. In the 2022 template "not initiated" and "in progress" are \`open\`.
- Page headers and footers are never part of any field.

## Regenerating

\`npm run fixtures:matrices\` (needs LibreOffice; \`-- --force\` prints every PDF again, \`-- --only NAME\`
makes one). The Word files are reproducible; a PDF is printed again only when its Word file changed.
The content and the truth of each matrix are in scripts/matrix-fixtures/matrices/, one module each; the
layouts in scripts/matrix-fixtures/templates.ts; the docx writer in scripts/matrix-fixtures/build.ts.
`;
}
