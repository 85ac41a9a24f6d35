/**
 * Replies are written through their route's zod response schema (fastify-type-provider-zod), which
 * drops fields the schema does not declare. Under tests a reply the schema would change is refused
 * instead, naming the first difference: a response schema that forgets a field fails a test rather
 * than silently cutting the field from the API.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler } from 'fastify-type-provider-zod';

type Compiler = typeof serializerCompiler;

/** The path of the first difference between two JSON values, or null when they are equal. */
export function firstDifference(expected: unknown, actual: unknown, path = ''): string | null {
  if (isDeepStrictEqual(expected, actual)) return null;
  if (
    expected &&
    actual &&
    typeof expected === 'object' &&
    typeof actual === 'object' &&
    Array.isArray(expected) === Array.isArray(actual)
  ) {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
      const d = firstDifference(e[key], a[key], path ? `${path}.${key}` : key);
      if (d !== null) return d;
    }
  }
  return path || '(the whole reply)';
}

/** The zod serializer, refusing replies it would change (fields left out of the schema). */
export const checkedSerializerCompiler: Compiler = (route) => {
  const serialize = (serializerCompiler as FastifySerializerCompiler<unknown>)(route);
  return (data: unknown) => {
    const json = serialize(data);
    const original = JSON.stringify(data);
    const difference =
      original === undefined ? null : firstDifference(JSON.parse(original), JSON.parse(json));
    if (difference !== null) {
      throw new Error(
        `The reply of ${route.method} ${route.url} (${route.httpStatus}) does not match its response schema at ${difference}.`,
      );
    }
    return json;
  };
};
