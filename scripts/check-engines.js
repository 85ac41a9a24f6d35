#!/usr/bin/env node
/**
 * Lists installed packages whose `engines.node` refuses the oldest Node version Integra promises
 * (package.json `engines.node`). Exit 1 when there is one: pin or override it (package.json
 * `overrides`), or promise what it needs. Used by src/test/engines.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = fileURLToPath(new URL('..', import.meta.url));

export function enginesRefusing(rootDir = root) {
  const promised = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')).engines.node;
  const oldest = semver.minVersion(promised).version;
  const refusing = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const folder = path.join(dir, name);
      if (name.startsWith('@')) {
        walk(folder);
        continue;
      }
      const manifest = path.join(folder, 'package.json');
      if (existsSync(manifest)) {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
        const range = pkg.engines?.node;
        if (range && semver.validRange(range) && !semver.satisfies(oldest, range)) {
          refusing.push(
            `${path.relative(path.join(rootDir, 'node_modules'), folder)}@${pkg.version} needs Node ${range}`,
          );
        }
      }
      walk(path.join(folder, 'node_modules'));
    }
  };
  walk(path.join(rootDir, 'node_modules'));
  return { oldest, refusing };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { oldest, refusing } = enginesRefusing();
  if (refusing.length === 0) console.log(`Every installed package accepts Node ${oldest}.`);
  else {
    console.error(
      `These packages refuse Node ${oldest}, which Integra promises:\n  ${refusing.join('\n  ')}`,
    );
    process.exit(1);
  }
}
