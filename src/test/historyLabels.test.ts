/**
 * Histories speak in words: every field the audit trail can record — the columns of the audited
 * tables and the keys the modules write in their before/after values — has a label in en.json
 * (and so, by webI18n.test.ts, in every language).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableColumns, type Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../db/schema.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const en = JSON.parse(readFileSync(path.join(ROOT, 'web/src/locales/en.json'), 'utf8'));

/** The tables whose rows the audit trail records (as before/after values). */
const AUDITED: Table[] = [
  schema.actions,
  schema.evaluations,
  schema.recommendations,
  schema.practices,
  schema.units,
  schema.memberships,
  schema.invitations,
  schema.organisations,
  schema.followupSettings,
  schema.rounds,
  schema.progressUpdates,
  schema.focalPoints,
];
/** Columns that are bookkeeping, never shown as a change. */
const INTERNAL = new Set([
  'id',
  'organisationId',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'deletedWith',
  'search',
  'position',
  'tokenHash',
  'invitedBy',
  'userId',
  'actionId',
  'roundId',
  'evaluationId',
  'recommendationId',
  'practiceId',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Keys written in the object literals of recordChange's before/after values. */
function recordedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src/modules'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(before|after): \{/g)) {
      let depth = 1;
      let i = (m.index ?? 0) + m[0].length;
      const start = i;
      while (depth > 0 && i < text.length) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
        i++;
      }
      const literal = text.slice(start, i - 1).replace(/'[^']*'|`[^`]*`/g, "''");
      for (const k of literal.matchAll(/(?:^|[{,]\s*)([a-zA-Z]+)\s*(?=[:,}]|$)/gm)) keys.add(k[1]);
    }
  }
  return keys;
}

describe('history labels', () => {
  it('names every field the audit trail can record', () => {
    const fields = new Set<string>();
    for (const table of AUDITED) for (const key of Object.keys(getTableColumns(table))) fields.add(key);
    for (const key of recordedKeys()) fields.add(key);
    const missing = [...fields].filter((k) => !INTERNAL.has(k) && !en.history.field[k]);
    expect(missing).toEqual([]);
    // The scan finds what the modules write, e.g. a progress update and a unit's withdrawn link.
    expect([...fields]).toEqual(expect.arrayContaining(['progress', 'noActionNeeded', 'dueTo']));
  });
});
