/**
 * Reads practice pages assessed against a framework (the SPRING grid's pages, copied as text):
 * several practices in one file, each a sequence of criteria → guiding questions → narrative,
 * inspiring tools and a marked checklist. Questions and items are matched to the framework by
 * their normalised text; what matches nothing is kept and reported, never dropped.
 */
import { foldText } from '../../../lib/text.js';
import { Invalid } from '../../../server/errors.js';
import { SPRING } from '../../frameworks/definitions.js';
import { type FrameworkDefinition, frameworkKey, type Mark } from '../../frameworks/model.js';
import type { PracticeImportWarning } from '../model.js';

export interface ImportedItem {
  text: string;
  itemId: string | null;
  mark: Mark;
}

export interface ImportedQuestion {
  criterion: string;
  question: string;
  questionId: string | null;
  narrative: string;
  inspiringTools: string[];
  items: ImportedItem[];
}

export interface ImportedPractice {
  title: string | null;
  assessment: { framework: string; questions: ImportedQuestion[] };
}

export interface PracticeImportResult {
  practices: ImportedPractice[];
  warnings: PracticeImportWarning[];
}

/** Text compared for matching: case, accents, quotes, dashes, spaces and end punctuation folded. */
export function normaliseForMatch(s: string): string {
  // (?<!…): a match starts only where a run of blanks starts; without it a long run is quadratic.
  return foldText(s)
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/["'`]/g, '')
    .replace(/(?<!\s)\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .replace(/(?<![\s.;:,!?])[\s.;:,!?]+$/, '')
    .trim();
}

const MET = /^[✓✔☑]\s*/;
const NOT_MET = /^[–—−]\s*/;
const CHECKLIST = /^good\s+practice\s+checklist:?$/;
const CRITERIA_HEADING = /^good\s+practice\s+criteria:?$/;
const TOOLS = /^inspiring\s+tools?\s*:\s*/;
/** Site furniture after the last practice: the end of the data. */
const BOILERPLATE =
  /^(?:consortium|non-?\s*eu\s+partners|associate(?:d)?\s+partners?|associate|subscribe\b|see\s+our\b|privacy\s+policy|cookie|contact\s*:|©|\(c\)\s|copyright|all\s+rights\s+reserved|.*has\s+received\s+funding\s+from)/;

type Section = 'none' | 'narrative' | 'tools' | 'checklist';

export function importPracticePages(
  input: string,
  framework: FrameworkDefinition = SPRING,
): PracticeImportResult {
  const lines = input
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .split('\n')
    .map((l) => l.trim());
  if (!lines.some(Boolean))
    throw new Invalid('The file is empty: there are no practice pages to import.').because('emptyPractices');

  const criteria = new Map(framework.criteria.map((c) => [normaliseForMatch(c.name), c]));
  const questions = new Map(
    framework.criteria.flatMap((c) =>
      c.questions.map((q) => [normaliseForMatch(q.text), { criterion: c, question: q }] as const),
    ),
  );
  const items = new Map(
    framework.criteria.flatMap((c) =>
      c.questions.flatMap((q) => q.items.map((it) => [normaliseForMatch(it.text), it] as const)),
    ),
  );
  const firstCriterion = framework.criteria[0];

  const practices: ImportedPractice[] = [];
  const warnings: PracticeImportResult['warnings'] = [];
  let practice: ImportedPractice | null = null;
  let criterion: (typeof framework.criteria)[number] | null = null;
  let question: ImportedQuestion | null = null;
  let section: Section = 'none';
  let pendingTitle: string | null = null;
  let done = false;

  const where = (lineNo: number) =>
    `practice ${practices.length}${question ? `, "${short(question.question)}"` : ''} (line ${lineNo})`;
  const startPractice = (title: string | null) => {
    practice = { title, assessment: { framework: frameworkKey(framework), questions: [] } };
    practices.push(practice);
    criterion = null;
    question = null;
    section = 'none';
  };

  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (done || !line) return;
    const norm = normaliseForMatch(line);
    if (BOILERPLATE.test(norm) && practices.length > 0) {
      done = true;
      return;
    }
    if (CRITERIA_HEADING.test(norm)) {
      // A page starts: the line before it, if any, is its title.
      startPractice(pendingTitle);
      pendingTitle = null;
      return;
    }
    const c = criteria.get(norm);
    if (c) {
      // Back at the first criterion after some questions: the next practice begins.
      if (
        !practice ||
        (c.id === firstCriterion.id && (practice as ImportedPractice).assessment.questions.length > 0)
      ) {
        startPractice(pendingTitle);
        pendingTitle = null;
      }
      criterion = c;
      question = null;
      section = 'none';
      return;
    }
    // The line just before a "Good Practice Criteria" heading is the next page's title.
    const next = lines.slice(i + 1).find(Boolean);
    if (next && CRITERIA_HEADING.test(normaliseForMatch(next))) {
      pendingTitle = line;
      return;
    }
    const q = questions.get(norm);
    // A question the framework does not know: a line ending with "?" where a question may start.
    const unknownQuestion =
      !q &&
      criterion !== null &&
      (section === 'none' || section === 'checklist') &&
      line.length < 400 &&
      /\?(?:\s*\([^)]*\))?$/.test(line);
    if (q || unknownQuestion) {
      if (!practice) startPractice(pendingTitle);
      const crit = q?.criterion ?? criterion;
      criterion = crit;
      question = {
        criterion: crit?.name ?? '',
        question: line,
        questionId: q?.question.id ?? null,
        narrative: '',
        inspiringTools: [],
        items: [],
      };
      (practice as unknown as ImportedPractice).assessment.questions.push(question);
      section = 'narrative';
      if (!q)
        warnings.push({
          code: 'questionUnknown',
          params: { text: short(line) },
          message: `The question "${short(line)}" is not one of the framework's; it was kept`,
          where: where(lineNo),
        });
      return;
    }
    if (!practice || !question) {
      // Before any page: a title line, kept for the page that follows.
      pendingTitle = pendingTitle ? `${pendingTitle} ${line}` : line;
      return;
    }
    const qn: ImportedQuestion = question;
    if (CHECKLIST.test(norm)) {
      section = 'checklist';
      return;
    }
    const tools = foldText(line).match(TOOLS);
    if (tools) {
      // "Inspiring tools:" written twice (an empty label, then the label with its text) is one entry.
      const value = line.slice(tools[0].length).trim();
      if (value) qn.inspiringTools.push(value);
      section = 'tools';
      return;
    }
    if (section === 'checklist') {
      let mark: Mark = 'not_assessed';
      let text = line;
      if (MET.test(line)) {
        mark = 'met';
        text = line.replace(MET, '');
      } else if (NOT_MET.test(line)) {
        mark = 'not_met';
        text = line.replace(NOT_MET, '');
      }
      const item = items.get(normaliseForMatch(text));
      qn.items.push({ text, itemId: item?.id ?? null, mark });
      if (mark === 'not_assessed') {
        warnings.push({
          code: 'itemNoMark',
          params: { text: short(text) },
          message: `The checklist item "${short(text)}" has no mark; it was kept as not assessed`,
          where: where(lineNo),
        });
      }
      if (!item) {
        warnings.push({
          code: 'itemUnknown',
          params: { text: short(text) },
          message: `The checklist item "${short(text)}" matches no item of the framework; it was kept`,
          where: where(lineNo),
        });
      }
      return;
    }
    if (section === 'tools') {
      qn.inspiringTools.push(line);
      return;
    }
    qn.narrative = qn.narrative ? `${qn.narrative}\n\n${line}` : line;
  });

  if (practices.length === 0 || practices.every((p) => p.assessment.questions.length === 0)) {
    throw new Invalid(
      `No practice page found: expected the criteria of the ${framework.name} (such as "${firstCriterion.name}") followed by guiding questions and checklists.`,
    );
  }
  return { practices: practices.filter((p) => p.assessment.questions.length > 0), warnings };
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
