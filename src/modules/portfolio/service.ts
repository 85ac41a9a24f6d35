/**
 * The portfolio dashboard: the tracker's figures (actions/figures.ts counts them in SQL) with the
 * units they name, so that each unit's row links to its actions.
 */
import type { Db } from '../../db/client.js';
import { dashboardFigures, portfolioFigures } from '../actions/service.js';
import { unitRefsOf } from '../units/service.js';
import type { Dashboard, Portfolio, PortfolioQuery } from './model.js';

export function portfolio(
  db: Db,
  organisationId: string,
  q: PortfolioQuery,
  today: string,
): Promise<Portfolio> {
  return portfolioFigures(db, organisationId, q, today);
}

/** The portfolio with the ageing of its overdue actions, actionability, and the units it names. */
export async function dashboard(
  db: Db,
  organisationId: string,
  q: PortfolioQuery,
  today: string,
): Promise<Dashboard> {
  const [figures, unitList] = await Promise.all([
    dashboardFigures(db, organisationId, q, today),
    unitRefsOf(db, organisationId),
  ]);
  const named = new Set(figures.byUnit.map((r) => r.key));
  return { ...figures, units: unitList.filter((u) => named.has(u.name)) };
}
