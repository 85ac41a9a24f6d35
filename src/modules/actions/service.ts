/**
 * The shared action tracker: actions from any source, their progress updates, and the one list
 * that shows a unit all it owes. Other modules reach it through this file:
 * - records.ts: inserting actions for their source, reading them with their history, the status
 *   vocabularies, loading one for a change;
 * - edit.ts: editing, adding to a recommendation, deleting and restoring;
 * - progress.ts: progress updates;
 * - list.ts: the cross-source list and its export stream;
 * - sources.ts: counts for the modules of the sources (evaluations, practices, units) and what
 *   became of recommendations' actions;
 * - figures.ts: the portfolio's figures (rates, ageing, actionability), counted in SQL.
 * Besides: chase.ts (what follow-up chases), reports.ts (units' reports and their validation),
 * units.ts and unitLinks.ts (links to responsible units).
 */
export * from './edit.js';
export * from './figures.js';
export * from './list.js';
export * from './progress.js';
export * from './records.js';
export * from './sources.js';
