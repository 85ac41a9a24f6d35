import { describe, expect, it } from 'vitest';
import { chosenInLabel, readPriority, readStatus } from './matrixWords.js';

describe('the words a matrix answers with', () => {
  it.each([
    ['Not yet started', 'not_initiated', 'open'],
    ['En cours', 'initiated', 'open'],
    ['Completed.', 'completed', 'completed'],
    ['Sans objet', 'no_longer_applicable', 'discarded'],
    ['Open', 'initiated', 'open'],
    ['Abandonnée', 'no_longer_applicable', 'discarded'],
    ['Delayed', null, null],
  ])('status %j → %s (classic), %s (2022)', (written, classic, y2022) => {
    expect(readStatus(written, 'classic')).toBe(classic);
    expect(readStatus(written, '2022')).toBe(y2022);
  });

  it.each([
    ['2', { level: 2, rest: '' }],
    ['1 (the service is closed on Fridays)', { level: 1, rest: 'the service is closed on Fridays' }],
    ['Élevée – délais trop longs', { level: 1, rest: 'délais trop longs' }],
    ['Low', { level: 3, rest: '' }],
    ['n/a', { level: 'none' }],
    ['4', { level: null }],
    ['As soon as possible', { level: null }],
  ])('priority %j', (written, reading) => {
    expect(readPriority(written)).toEqual(reading);
  });

  it.each([
    ['2-3', { level: 2, rest: '' }],
    ['1 to 2', { level: 1, rest: '' }],
    ['3/2', { level: 2, rest: '' }],
    ['2 – 3: the budget is not yet known', { level: 2, rest: 'the budget is not yet known' }],
    ['1 ou 2 (selon les financements)', { level: 1, rest: 'selon les financements' }],
    ['2 o 3', { level: 2, rest: '' }],
  ])('a priority range %j reads as its higher priority', (written, reading) => {
    expect(readPriority(written)).toEqual(reading);
  });

  // BUG: a range of words is read as its first word, the rest becoming the justification "/Medium".
  it('a priority range in words "High/Medium" reads as high, with no justification', () => {
    expect(readPriority('High/Medium')).toEqual({ level: 1, rest: '' });
  });

  it.each([
    ['Management response - accept:', 'accepted'],
    ['Management response - Reject:', 'rejected'],
    ['Management Response (Partially Accepted):', 'partially_accepted'],
    ['Réponse de la direction – rejeter :', 'rejected'],
    ['Réponse de la direction - accepter en partie :', 'partially_accepted'],
    ['Respuesta de la dirección - aceptar parcialmente:', 'partially_accepted'],
    ['Respuesta de la gerencia - rechazar:', 'rejected'],
    ['Management response - accept/partially accept/reject:', null],
    ['Management response - accept / reject:', null],
    ['Management response:', null],
  ])('the response label %j answers %s', (label, response) => {
    expect(chosenInLabel(label)).toBe(response);
  });

  // BUG: the blank before "partially" is removed with it instead of the "accept" after it, so
  // "accept" is left over and the label seems to offer two answers → null.
  it.each(['Management response - partially accept:', 'Management response – partly accept:'])(
    'the response label %j answers partially_accepted',
    (label) => {
      expect(chosenInLabel(label)).toBe('partially_accepted');
    },
  );
});
