/** Runs Integra's own entry points as child processes, as a user would from a terminal. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureServerBuild } from '../../scripts/build-server.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI (bin/integra.js, compiled JavaScript) to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/integra.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the server on a free port and resolves once it listens. */
export async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // The compiled server, as `npm start` runs it (compiled here when src/ changed since).
  await ensureServerBuild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['build/server/main.js'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', PORT: '0', INTEGRA_LOG: 'off', ...env },
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 600_000);
    const onData = (d: Buffer) => {
      output += d;
      const m = output.match(/running at (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/** Creates the first administrator on a running server and returns the session cookie. */
export async function setupAdminOver(url: string, email = 'admin@example.org'): Promise<string> {
  const res = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada Admin', email, password: 'a long test password' }),
  });
  if (res.status !== 200) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('integra.session_token='));
  if (!cookie) throw new Error('No session cookie was set.');
  return cookie.split(';')[0];
}
