/**
 * The good-practice library: practices and their assessments, the review workflow, the
 * searchable catalogue with its facets, side-by-side comparison, the checklist heatmap, and the
 * improvement plan (actions from unmet items, kept by the action tracker). Other modules and the
 * routes reach it through this file:
 * - records.ts: saving, editing, the review workflow, deleting and restoring;
 * - assessment.ts: assessments, their marks and coverage per criterion;
 * - facets.ts: the catalogue's facet counts kept with every write;
 * - catalogue.ts: search, facets, sorting, pagination;
 * - page.ts: a practice as its page, comparison, the checklist heatmap;
 * - improvement.ts: improvement actions from unmet checklist items.
 */
export { coverageOf } from './assessment.js';
export * from './catalogue.js';
export { rebuildFacetCounts } from './facets.js';
export * from './improvement.js';
export * from './page.js';
export {
  createPractices,
  deletePractice,
  listDeletedPractices,
  moveWorkflow,
  practiceFromImport,
  restorePractice,
  updateAssessment,
  updatePractice,
} from './records.js';
