import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script without types
import { enginesRefusing } from '../../scripts/check-engines.js';

describe('the Node versions Integra promises', () => {
  it('are accepted by every installed package', () => {
    const { oldest, refusing } = enginesRefusing() as { oldest: string; refusing: string[] };
    expect(oldest).toBe('20.19.0');
    expect(refusing).toEqual([]);
  });
});
