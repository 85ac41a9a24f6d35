import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocxLines } from '../modules/evaluations/import/readDocx.js';
import { runCli } from '../test/spawn.js';

const dir = mkdtempSync(path.join(tmpdir(), 'integra-cli-'));
const env = { INTEGRA_DATA: path.join(dir, 'data') };
const fixture = path.resolve('src/modules/evaluations/import/fixtures/2022-language-courses.txt');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the integra CLI', () => {
  it('prints only the parsed matrix as JSON on a dry run, and saves nothing', async () => {
    const run = await runCli(['import', 'matrix', fixture, '--dry-run', '--json'], env);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.evaluation.title).toBe('Final evaluation of the Language for Work project');
    expect(parsed.evaluation.recommendations[1].actions[1]).toMatchObject({
      number: '2.2',
      due: { from: '2025-01-01', to: '2026-12-31', inferred: false },
      fundingConditional: true,
    });
    expect(Array.isArray(parsed.warnings)).toBe(true);
    expect(() => statSync(env.INTEGRA_DATA)).toThrow();
  });

  it('imports a matrix, prints its id, and exports it as .docx and .json', async () => {
    const run = await runCli(['import', 'matrix', fixture], env);
    expect(run.code).toBe(0);
    const id = run.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const out = path.join(dir, 'matrix.docx');
    const exp = await runCli(['export', 'matrix', id, '--format', 'docx', '--out', out], env);
    expect(exp.code).toBe(0);
    const lines = await readDocxLines(readFileSync(out));
    expect(
      lines.some((l) => l.cells[0]?.startsWith('Evaluation recommendation 2: Certify the language level')),
    ).toBe(true);
    const back = await runCli(['import', 'matrix', out, '--dry-run', '--json'], env);
    expect(back.code).toBe(0);
    expect(
      JSON.parse(back.stdout).evaluation.recommendations.map((r: { number: string }) => r.number),
    ).toEqual(['1', '2', '3']);
    const json = path.join(dir, 'matrix.json');
    expect((await runCli(['export', 'matrix', id, '--format', 'json', '--out', json], env)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).evaluation.recommendations).toHaveLength(3);
  });

  it('reports the portfolio’s figures as JSON, counted as a person counts them', async () => {
    // The one matrix imported above: 1.1 due June 2024, 1.2 December 2024, 2.1 September 2024,
    // 2.2 December 2026, 2.3 continuous (no due date), 3.1 "N/A" (needs no action); all open.
    const run = await runCli(['report', 'portfolio', '--today', '2025-01-15', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const row = (key: string | number | null, actions: number, due: number, overdue: number) => ({
      key,
      actions,
      due,
      completed: 0,
      overdue,
      rate: due ? 0 : null,
    });
    expect(report).toEqual({
      overall: row(null, 5, 3, 3),
      byUnit: [row(null, 5, 3, 3)],
      byYear: [row(2024, 5, 3, 3)],
      byPriority: [row(1, 2, 2, 2), row(null, 3, 1, 1)],
      byResponse: [row('accepted', 2, 2, 2), row('partially_accepted', 3, 1, 1)],
    });
    const period = await runCli(
      [
        'report',
        'portfolio',
        '--from',
        '2024-07-01',
        '--to',
        '2024-12-31',
        '--today',
        '2024-10-01',
        '--json',
      ],
      env,
    );
    expect(JSON.parse(period.stdout).overall).toEqual(row(null, 2, 1, 1));
    const table = await runCli(['report', 'portfolio', '--today', '2025-01-15'], env);
    expect(table.stdout).toMatch(/All evaluations\s+5\s+3\s+0\s+3\s+0\.0%/);
    const bad = await runCli(['report', 'portfolio', '--from', '2024-13-01', '--json'], env);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/--from/);
  });

  it('reads practice pages on a dry run and prints them as JSON', async () => {
    const pages = path.resolve('src/modules/practices/import/fixtures/two-practices.txt');
    const run = await runCli(['import', 'practices', pages, '--dry-run', '--json'], env);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.practices.map((p: { title: string }) => p.title)).toEqual([
      'Welcome Cafés in Lower Saxony',
      'Mentoring for Young Jobseekers',
    ]);
    expect(parsed.practices[0].assessment.questions[0].items[2]).toEqual({
      text: 'Ensure that equality and diversity are an essential part of how services are delivered, taking into consideration different needs and capacities',
      itemId: 'IP1.3',
      mark: 'not_met',
    });
    expect(parsed.warnings.length).toBe(3);
  });

  it('explains bad input on stderr with a failing exit code', async () => {
    const notMatrix = path.join(dir, 'notes.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(notMatrix, 'Shopping list: bread, milk.\n');
    const run = await runCli(['import', 'matrix', notMatrix, '--dry-run', '--json'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/No recommendation found/);
    const missing = await runCli(
      [
        'export',
        'matrix',
        '00000000-0000-4000-8000-000000000000',
        '--format',
        'csv',
        '--out',
        path.join(dir, 'x.csv'),
      ],
      env,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No such evaluation/);
    expect(() => statSync(path.join(dir, 'x.csv'))).toThrow();
  });

  it('creates units (printing their ids), refuses bad addresses and taken names, and links imports to them', async () => {
    const data = { INTEGRA_DATA: path.join(dir, 'units') };
    const created = await runCli(
      [
        'unit',
        'create',
        'Training unit',
        '--alias',
        'Training',
        '--alias',
        'TU',
        '--email',
        'tu@example.org',
      ],
      data,
    );
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const taken = await runCli(['unit', 'create', 'training'], data);
    expect(taken.code).toBe(2);
    expect(taken.stdout).toBe('');
    expect(taken.stderr).toMatch(/already how the unit "Training unit" is written/);
    const badEmail = await runCli(['unit', 'create', 'Finance', '--email', 'not-an-address'], data);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stdout).toBe('');
    expect(badEmail.stderr).toMatch(/focalPoints\.0\.email: not an email address/);

    const imported = await runCli(['import', 'matrix', fixture], data);
    expect(imported.code).toBe(0);
    const json = path.join(dir, 'linked.json');
    const exported = await runCli(
      ['export', 'matrix', imported.stdout.trim(), '--format', 'json', '--out', json],
      data,
    );
    expect(exported.code).toBe(0);
    const actions = JSON.parse(readFileSync(json, 'utf8')).evaluation.recommendations.flatMap(
      (r: { actions: unknown[] }) => r.actions,
    ) as { responsible: string | null; units: { id: string; name: string }[] }[];
    // "Training unit" and "Training unit and Partnerships" name it; "Management" does not.
    const linked = actions.filter((a) => a.units.length > 0);
    expect(linked.map((a) => a.responsible)).toEqual(
      actions.filter((a) => a.responsible?.startsWith('Training unit')).map((a) => a.responsible),
    );
    expect(linked.length).toBeGreaterThan(0);
    for (const a of linked) expect(a.units).toEqual([{ id, name: 'Training unit' }]);
  });

  it('creates the first administrator, backs the data up and restores it', async () => {
    const data = { INTEGRA_DATA: path.join(dir, 'accounts'), INTEGRA_PASSWORD: 'a long cli password' };
    const admin = await runCli(
      ['user', 'create', '--admin', '--email', 'Ada@Example.org', '--name', 'Ada Admin'],
      data,
    );
    expect(admin.code).toBe(0);
    expect(admin.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const short = await runCli(
      ['user', 'create', '--email', 'b@example.org', '--name', 'B', '--password', 'short'],
      data,
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/password/);

    const second = await runCli(
      ['organisation', 'create', 'Second network', '--admin', 'ada@example.org'],
      data,
    );
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);

    const file = path.join(dir, 'integra.backup.gz');
    const saved = await runCli(['backup', file], data);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toMatch(/Saved \d+ rows/);
    // A second person after the backup is gone once the backup is restored.
    const later = await runCli(
      ['user', 'create', '--email', 'carl@example.org', '--name', 'Carl', '--role', 'viewer'],
      data,
    );
    expect(later.code).toBe(0);
    const restored = await runCli(['restore', file], data);
    expect(restored.code).toBe(0);
    expect(restored.stderr).toMatch(/Restored \d+ rows/);
    const again = await runCli(
      ['user', 'create', '--email', 'carl@example.org', '--name', 'Carl', '--role', 'viewer'],
      data,
    );
    expect(again.code).toBe(0);
    const missing = await runCli(['restore', path.join(dir, 'nope.gz')], data);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/There is no file/);
  });
});
