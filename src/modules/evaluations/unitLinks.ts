/**
 * What an import proposes to link: each action's "Responsible unit(s)" read against the unit
 * directory. Exact matches (a unit's name or other name) are put in the action's `unitIds`; the
 * review screen shows every text's parts with their close matches to confirm, and parts that
 * match nothing to add as new units.
 */
import type { Db } from '../../db/client.js';
import { exactUnitIds, proposeUnits } from '../units/match.js';
import { directoryOf } from '../units/service.js';
import type { ImportResult } from './model.js';

export async function proposeUnitLinks(
  db: Db,
  organisationId: string,
  result: ImportResult,
): Promise<ImportResult> {
  const directory = await directoryOf(db, organisationId);
  const byText = new Map<string, ReturnType<typeof proposeUnits>>();
  const proposalsOf = (text: string | null) => {
    const key = text?.trim() ?? '';
    if (!key) return [];
    let proposals = byText.get(key);
    if (!proposals) {
      proposals = proposeUnits(key, directory);
      byText.set(key, proposals);
    }
    return proposals;
  };
  const recommendations = result.evaluation.recommendations.map((r) => ({
    ...r,
    actions: r.actions.map((a) => ({
      ...a,
      unitIds: [...new Set([...(a.unitIds ?? []), ...exactUnitIds(proposalsOf(a.responsible))])],
    })),
  }));
  return {
    ...result,
    evaluation: { ...result.evaluation, recommendations },
    unitProposals: [...byText].map(([text, proposals]) => ({ text, proposals })),
  };
}
