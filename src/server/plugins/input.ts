/**
 * Refuses, with a reason, requests whose text Integra can neither read nor store, before any
 * handler sees them: a JSON body that is not valid UTF-8, an address whose query has a malformed
 * %-escape or invalid UTF-8, and a NUL character or half of a UTF-16 pair (a lone surrogate,
 * which JSON escapes can carry) anywhere in the query, the path's parameters or the body.
 * PostgreSQL cannot store either in text, so without this a NUL in a search box was a 500.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { type FieldIssue, Invalid } from '../errors.js';

const NUL = '\u0000';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, or null. */
function unstorable(s: string): string | null {
  if (s.includes(NUL)) return 'a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(s)) return 'half of a UTF-16 surrogate pair';
  return null;
}

/** The first unstorable string in a parsed request part, with its path; walks without recursion. */
export function findUnstorable(root: unknown, rootPath: string): FieldIssue | null {
  const stack: [unknown, string][] = [[root, rootPath]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [value, path] = top;
    if (typeof value === 'string') {
      const why = unstorable(value);
      if (why) return { path, message: `contains ${why}, which cannot be stored` };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}.${i}`]);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const why = unstorable(k);
        if (why) return { path: `${path}.${k}`, message: `its name contains ${why}` };
        stack.push([v, `${path}.${k}`]);
      }
    }
  }
  return null;
}

/** Checks every name and value of the raw query string decodes as UTF-8. */
export function checkQueryEncoding(url: string): void {
  const q = url.indexOf('?');
  if (q < 0) return;
  for (const pair of url.slice(q + 1).split('&')) {
    for (const part of pair.split('=', 2)) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '));
      } catch {
        const name = pair.split('=', 1)[0].slice(0, 40);
        throw new Invalid(
          'The address is not valid: its query has a malformed %-escape or text that is not UTF-8.',
          [{ path: `query.${name}`, message: 'malformed %-escape or not UTF-8' }],
        );
      }
    }
  }
}

export function registerInputChecks(app: FastifyInstance): void {
  // Fastify's own JSON parser (prototype-poisoning checks included), after a UTF-8 check of the
  // bytes: decoding them first would silently turn invalid bytes into U+FFFD.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(new Invalid('The request body is not valid UTF-8: send JSON encoded as UTF-8.'), undefined);
      return;
    }
    parseJson(req, bytes.toString('utf8'), done);
  });

  app.addHook('preValidation', async (req) => {
    checkQueryEncoding(req.url);
    const issue =
      findUnstorable(req.query, 'query') ??
      findUnstorable(req.params, 'params') ??
      findUnstorable(req.body, 'body');
    if (issue) {
      throw new Invalid(
        `The request contains a character that cannot be stored (${issue.path} ${issue.message}); remove it and try again.`,
        [issue],
      );
    }
  });
}
