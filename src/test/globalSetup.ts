/**
 * Once per test run: compiles the server and the CLI (tests run them as users do, from build/),
 * which also saves the empty database with every migration applied. Each test's PGlite database
 * starts as a copy of it (src/test/databases.ts) instead of running initdb and the migrations
 * again (about 1 s instead of 4 per database on a quiet machine).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureServerBuild } from '../../scripts/build-server.js';
import { EMPTY_DATABASE } from '../db/client.js';

export default async function setup(project: TestProject) {
  await ensureServerBuild();
  // A copy: a rebuild during the run (src/ edited) replaces build/.
  const dir = mkdtempSync(path.join(tmpdir(), 'integra-test-template-'));
  const file = path.join(dir, 'empty-database.tar');
  copyFileSync(EMPTY_DATABASE, file);
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
