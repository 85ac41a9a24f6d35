/**
 * The matrix as JSON: the import shape (so it can be imported again) plus the ids, the derived
 * overdue flags and the progress history of each action.
 */
import type { Matrix } from '../model.js';

export function exportMatrixJson(m: Matrix) {
  return {
    evaluation: {
      id: m.id,
      title: m.title,
      year: m.year,
      period: m.period,
      evaluators: m.evaluators,
      owner: m.owner,
      publishedOn: m.publishedOn,
      overallComment: m.overallComment,
      statusTemplate: m.statusTemplate,
      notes: m.notes,
      recommendations: m.recommendations.map((r) => ({
        id: r.id,
        number: r.number,
        text: r.text,
        addressedTo: r.addressedTo,
        priority: r.priority,
        priorityJustification: r.priorityJustification,
        response: r.response,
        responseText: r.responseText,
        status: r.status,
        comments: r.comments,
        notes: r.notes,
        actions: r.actions.map((a) => ({
          id: a.id,
          number: a.number,
          text: a.text,
          timeframe: a.timeframe,
          due: a.due,
          responsible: a.responsible,
          units: a.units,
          fundingConditional: a.fundingConditional,
          noActionNeeded: a.noActionNeeded,
          status: a.status,
          comments: a.comments,
          overdue: a.overdue,
          updates: a.updates,
        })),
      })),
    },
  };
}
