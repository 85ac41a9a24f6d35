#!/usr/bin/env node
// The `integra` command: the CLI compiled to plain JavaScript in build/ (compiled first when
// src/ changed since; scripts/build-server.js).
import { ensureServerBuild } from '../scripts/build-server.js';

await ensureServerBuild();
await import('../build/cli/main.js');
