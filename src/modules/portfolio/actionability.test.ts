import { describe, expect, it } from 'vitest';
import { actionabilityGaps, isActionable } from './actionability.js';

const due = { from: null, to: '2025-06-30', inferred: false };
const unit = [{ id: 'u1', name: 'City coordinators' }];

describe('the actionability check', () => {
  it('finds nothing to say about a followable response', () => {
    expect(
      actionabilityGaps([
        { response: 'accepted', responseText: null, actions: [{ due, units: unit }] },
        { response: 'rejected', responseText: 'Monthly figures would identify people.', actions: [] },
      ]),
    ).toEqual([]);
  });

  it('names each gap next to its field', () => {
    const gaps = actionabilityGaps([
      {
        response: 'accepted',
        responseText: 'Accepted.',
        actions: [
          { due: null, units: unit },
          { due, units: [] },
          { due: null, noActionNeeded: true, units: [] },
        ],
      },
      { response: 'partially_accepted', responseText: ' ', actions: [] },
      { response: 'rejected', responseText: null, actions: [{ due: null, noActionNeeded: true }] },
      { response: 'accepted', responseText: null, actions: [{ due, noActionNeeded: true, unitIds: ['u1'] }] },
    ]);
    expect(gaps).toEqual([
      { kind: 'no_due', path: 'recommendations.0.actions.0.timeframe' },
      { kind: 'no_unit', path: 'recommendations.0.actions.1.responsible' },
      { kind: 'na_on_accepted', path: 'recommendations.0.actions.2.text' },
      { kind: 'no_reason', path: 'recommendations.1.responseText' },
      { kind: 'no_actions', path: 'recommendations.1.actions' },
      { kind: 'no_reason', path: 'recommendations.2.responseText' },
      { kind: 'no_actions', path: 'recommendations.3.actions' },
      { kind: 'na_on_accepted', path: 'recommendations.3.actions.0.text' },
    ]);
  });

  it('counts an action read at import as linked when the review linked a unit', () => {
    expect(isActionable({ due, unitIds: ['u1'] })).toBe(true);
    expect(isActionable({ due, unitIds: [] })).toBe(false);
    expect(isActionable({ due: null, units: unit })).toBe(false);
    expect(isActionable({ due, units: unit, noActionNeeded: true })).toBe(false);
  });
});
