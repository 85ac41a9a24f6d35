import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/spawn.js';

const dir = mkdtempSync(path.join(tmpdir(), 'integra-cli-followup-'));
const env = { INTEGRA_DATA: path.join(dir, 'data'), SMTP_URL: '' };
const matrix = path.resolve('src/modules/evaluations/import/fixtures/classic-welcome-desks.txt');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('follow-up from the command line', () => {
  it('prints the emails the scheduler would send, writing nothing, and refuses bad input with exit 2', async () => {
    const unit = await runCli(
      [
        'unit',
        'create',
        'Communication unit',
        '--alias',
        'Communication unit with the intake team',
        '--email',
        'comms@example.org',
      ],
      env,
    );
    expect(unit.code).toBe(0);
    expect(unit.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    expect((await runCli(['import', 'matrix', matrix], env)).code).toBe(0);

    const preview = await runCli(['followup', 'preview', '--today', '2026-11-26', '--json'], env);
    expect(preview.code).toBe(0);
    // 2.1 and 2.2 ("Communication unit with the intake team", due end of June 2023) are overdue;
    // "N/A" rows and actions linked to no unit are not chased.
    expect(JSON.parse(preview.stdout)).toEqual({
      messages: [
        {
          to: ['comms@example.org'],
          kind: 'action_overdue',
          unit: 'Communication unit',
          evaluation: expect.stringContaining('Welcome Desks'),
          actions: ['2.1', '2.2'],
        },
      ],
    });
    // Nothing was written: the same preview again.
    const again = await runCli(['followup', 'preview', '--today', '2026-11-26', '--json'], env);
    expect(again.stdout).toBe(preview.stdout);

    const badDay = await runCli(['followup', 'preview', '--today', '2026-13-01'], env);
    expect([badDay.code, badDay.stdout]).toEqual([2, '']);
    expect(badDay.stderr).toContain('YYYY-MM-DD');
    const noMail = await runCli(['followup', 'run'], env);
    expect(noMail.code).toBe(2);
    expect(noMail.stderr).toContain('SMTP_URL is not set');
  });
});
