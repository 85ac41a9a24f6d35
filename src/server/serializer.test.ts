import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkedSerializerCompiler, firstDifference } from './serializer.js';

describe('the checked serializer', () => {
  const compile = (schema: z.ZodType) =>
    checkedSerializerCompiler({ schema, method: 'GET', url: '/api/x', httpStatus: '200' } as never);

  it('writes a reply its schema declares whole', () => {
    const write = compile(z.object({ a: z.string(), b: z.array(z.object({ c: z.number().nullable() })) }));
    expect(JSON.parse(write({ a: 'x', b: [{ c: null }, { c: 2 }] }))).toEqual({
      a: 'x',
      b: [{ c: null }, { c: 2 }],
    });
  });

  it('refuses a reply with a field its schema forgot, naming where', () => {
    const write = compile(z.object({ a: z.string(), b: z.array(z.object({ c: z.number() })) }));
    expect(() => write({ a: 'x', b: [{ c: 1 }, { c: 2, d: true }] })).toThrow(
      'The reply of GET /api/x (200) does not match its response schema at b.1.d.',
    );
  });

  it('finds the first difference between two values', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBeNull();
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('a.1.b');
    expect(firstDifference(1, 2)).toBe('(the whole reply)');
  });
});
