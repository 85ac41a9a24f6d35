/**
 * The boundaries ARCHITECTURE.md draws, checked on the sources:
 * - the action tracker alone queries the actions tables: no other module's code imports
 *   actions/schema.ts (another module's schema.ts may, for a foreign key);
 * - web/ reaches the server's code only through modules' model.ts and the shared src/lib helpers,
 *   and nothing it reaches that way imports server-only code (a service, a schema, the database,
 *   Node's own modules).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** The modules a file imports at run time (`import type` and `export type` left out), resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const spec = m[2];
    if (!spec.startsWith('.')) {
      out.push(spec);
      continue;
    }
    const resolved = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), spec));
    out.push(resolved.replace(/\.js$/, '.ts').replace(/^(?!.*\.tsx?$)(.*)$/, '$1.ts'));
  }
  return out;
}

describe('module boundaries', () => {
  it('only the action tracker imports the actions tables (schemas may, for foreign keys)', () => {
    const offenders = filesUnder('src')
      .filter((f) => !f.startsWith('src/modules/actions/') && !f.endsWith('/schema.ts'))
      .filter((f) => !f.startsWith('src/db/') && !f.startsWith('src/test/'))
      .filter((f) => importsOf(f).includes('src/modules/actions/schema.ts'));
    expect(offenders).toEqual([]);
  });

  it('web/ reaches server code only through model.ts and src/lib, and nothing server-only comes with it', () => {
    const wrongDoor: string[] = [];
    const reached = new Set<string>();
    for (const file of filesUnder('web/src')) {
      for (const target of importsOf(file)) {
        if (!target.startsWith('src/')) continue;
        if (!/^src\/modules\/[^/]+\/model\.ts$/.test(target) && !target.startsWith('src/lib/')) {
          wrongDoor.push(`${file} → ${target}`);
        }
        reached.add(target);
      }
    }
    expect(wrongDoor).toEqual([]);
    expect(reached.size).toBeGreaterThan(3);
    // Follow what those files import in turn.
    const serverOnly: string[] = [];
    const seen = new Set<string>();
    const queue = [...reached];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const target of importsOf(file)) {
        if (
          target.startsWith('node:') ||
          /^(pg|fastify|drizzle-orm|@electric-sql\/pglite|better-auth|nodemailer)(\/|$)/.test(target) ||
          /^src\/(db|server|cli)\//.test(target) ||
          /\/(service|schema|routes)\.ts$/.test(target)
        ) {
          serverOnly.push(`${file} → ${target}`);
        } else if (target.startsWith('src/')) {
          queue.push(target);
        }
      }
    }
    expect(serverOnly).toEqual([]);
  });
});
