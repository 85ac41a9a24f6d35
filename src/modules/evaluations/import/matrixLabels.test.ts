import { describe, expect, it } from 'vitest';
import { matchHeaderLabel, matchRecLabel } from './matrixLabels.js';

describe('the templates’ labels', () => {
  it.each([
    ['Recommendation addressed to: Social welfare office', 'addressedTo', 'Social welfare office'],
    ['Priority level (1 to 3): 2', 'priority', '2'],
    ['Justification for the priority: many complaints', 'priorityJustification', 'many complaints'],
    ['Management Response (Accept/Partially Accept/Reject): Accept', 'response', 'Accept'],
    ['Réponse de la direction (Accepter/Rejeter) : Acceptée', 'response', 'Acceptée'],
    ['Actions clés :', 'keyActions', ''],
    ['Statut de mise en œuvre : en cours', 'recStatus', 'en cours'],
    ['Unité(s) responsable(s)', 'responsibleUnits', ''],
  ])('recommendation label in %j', (cell, kind, value) => {
    expect(matchRecLabel(cell)).toEqual({ kind, value });
  });

  it.each([
    ['Evaluation title and year: Housing first pilot 2022', 'title', 'Housing first pilot 2022'],
    ["Année de l'évaluation : 2023", 'year', '2023'],
    ['Evaluation carried out by Lumen Consulting', 'evaluators', 'Lumen Consulting'],
    ['Person or body responsible for the management response: Deputy mayor', 'owner', 'Deputy mayor'],
    ['Date de publication :', 'publishedOn', ''],
  ])('header label in %j', (cell, kind, value) => {
    expect(matchHeaderLabel(cell)).toEqual({ kind, value });
  });

  it('matches no label in ordinary sentences', () => {
    expect(matchRecLabel('The priority for the unit is housing.')).toBeNull();
    expect(matchHeaderLabel('Recommendation to: Unit A')).toBeNull();
  });

  it('cuts the value where the label ends as written (fixed: a ligature from a PDF ate its first letter)', () => {
    expect(matchRecLabel('Priority justiﬁcation: Urgent for newcomers')).toEqual({
      kind: 'priorityJustification',
      value: 'Urgent for newcomers',
    });
  });
});
