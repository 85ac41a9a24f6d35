/**
 * `integra report portfolio [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--today YYYY-MM-DD] [--json]`:
 * the implementation figures of the first organisation's evaluations, overall and by unit, year,
 * priority and management response.
 */
import { ensureDefaultOrganisation } from '../modules/accounts/service.js';
import { type PortfolioRow, portfolioQuerySchema } from '../modules/portfolio/model.js';
import { portfolio } from '../modules/portfolio/service.js';
import { fieldIssues, Invalid } from '../server/errors.js';
import { out, withDatabase } from './io.js';

const today = () => new Date().toISOString().slice(0, 10);

export async function reportPortfolioCommand(opts: {
  from?: string;
  to?: string;
  today?: string;
  json?: boolean;
}): Promise<void> {
  const parsed = portfolioQuerySchema.safeParse({ from: opts.from, to: opts.to, today: opts.today });
  // Checked before the database is opened: bad input touches nothing (exit 2).
  if (!parsed.success) {
    throw new Invalid(
      'Some options are invalid.',
      fieldIssues(parsed.error.issues).map((i) => ({ ...i, path: `--${i.path}` })),
    );
  }
  const figures = await withDatabase(async (database) => {
    const organisationId = await ensureDefaultOrganisation(database.db);
    return portfolio(database.db, organisationId, parsed.data, today());
  });
  if (opts.json) {
    out(JSON.stringify(figures, null, 2));
    return;
  }
  const line = (label: string, r: PortfolioRow) =>
    `${label.padEnd(32)} ${String(r.actions).padStart(7)} ${String(r.due).padStart(7)} ${String(r.completed).padStart(9)} ${String(r.overdue).padStart(7)} ${r.rate === null ? '      –' : `${(r.rate * 100).toFixed(1).padStart(6)}%`}`;
  out(
    `${'Implementation'.padEnd(32)} ${'actions'.padStart(7)} ${'due'.padStart(7)} ${'completed'.padStart(9)} ${'overdue'.padStart(7)}    rate`,
  );
  out(line('All evaluations', figures.overall));
  const section = (title: string, rows: PortfolioRow[], none: string) => {
    out(`\n${title}`);
    for (const r of rows) out(line(`  ${r.key ?? none}`, r));
  };
  section('By responsible unit', figures.byUnit, '(no unit linked)');
  section('By evaluation year', figures.byYear, '(no year)');
  section('By priority', figures.byPriority, '(no priority)');
  section('By management response', figures.byResponse, '(no response)');
}
