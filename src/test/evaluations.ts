/**
 * A sample evaluation for tests, in the import shape: one recommendation, accepted, whose actions
 * the test gives. Tests name only what they are about (title, publication date, actions…).
 */
import type {
  ImportedAction,
  ImportedEvaluation,
  ImportedRecommendation,
} from '../modules/evaluations/model.js';

/** A key action due by a day ("By 2026-12-31"), linked to some units, for follow-up tests. */
export function actionDueBy(
  number: string,
  text: string,
  dueTo: string | null,
  unitIds: string[],
  status: ImportedAction['status'] = null,
): ImportedAction {
  return {
    number,
    text,
    timeframe: dueTo ? `By ${dueTo}` : null,
    due: dueTo ? { from: null, to: dueTo, inferred: false } : null,
    responsible: null,
    fundingConditional: false,
    status,
    comments: null,
    unitIds,
  };
}

export function sampleRecommendation(over: Partial<ImportedRecommendation> = {}): ImportedRecommendation {
  return {
    number: '1',
    text: 'Extend opening hours.',
    addressedTo: null,
    priority: 1,
    priorityJustification: null,
    response: 'accepted',
    responseText: null,
    status: null,
    comments: null,
    notes: [],
    actions: [],
    ...over,
  };
}

export function sampleEvaluation(over: Partial<ImportedEvaluation> = {}): ImportedEvaluation {
  return {
    title: 'Welcome desks',
    year: 2026,
    period: null,
    evaluators: null,
    owner: null,
    publishedOn: null,
    overallComment: null,
    statusTemplate: 'classic',
    notes: [],
    recommendations: [sampleRecommendation()],
    ...over,
  };
}
