import { describe, expect, it } from 'vitest';
import { isOverdue, saysNoActionNeeded } from './model.js';

describe('an action that needs no action', () => {
  it.each([
    'N/A',
    'N/A as already developed',
    'n / a – already planned under 2.1',
    'N/A.',
    'Not applicable',
    'Non applicable (déjà couvert)',
    'Sans objet',
    'No aplica, ya previsto',
    'No procede',
  ])('"%s" asks for nothing', (text) => {
    expect(saysNoActionNeeded(text)).toBe(true);
  });

  it.each([
    'Navigate the referral system with newcomers',
    'National plan to be adopted',
    'Note: N/A items are reviewed later',
    'Notably applicable to all desks',
    'Sans objections, the board adopts the plan',
    '',
  ])('"%s" asks for something', (text) => {
    expect(saysNoActionNeeded(text)).toBe(false);
  });

  it('is never overdue, whatever its due window', () => {
    const due = { to: '2024-01-31' };
    expect(isOverdue(due, 'not_initiated', '2024-06-01')).toBe(true);
    expect(isOverdue(due, 'not_initiated', '2024-06-01', true)).toBe(false);
  });
});
