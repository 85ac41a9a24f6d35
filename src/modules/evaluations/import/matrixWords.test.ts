import { describe, expect, it } from 'vitest';
import { readPriority, readStatus } from './matrixWords.js';

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
});
