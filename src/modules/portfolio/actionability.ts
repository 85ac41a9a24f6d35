/**
 * What makes a management response followable (WFP's "fully actionable": specific, measurable,
 * assignable, time-bound), checked on a matrix as saved or as read at import: each key action has
 * a linked responsible unit and a due window that could be read; an accepted or partially accepted
 * recommendation has a key action that asks for something, and does not answer "N/A"; a rejection
 * or partial acceptance says why. No server-only imports: the review screen uses it too.
 */

export const GAP_KINDS = ['no_unit', 'no_due', 'na_on_accepted', 'no_actions', 'no_reason'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface Gap {
  kind: GapKind;
  /** The field the gap is next to, as the import's paths name it (recommendations.0.actions.1.due). */
  path: string;
}

interface CheckedAction {
  due: unknown | null;
  noActionNeeded?: boolean;
  /** Linked units: saved actions list them; actions read at import name their ids, if any. */
  units?: readonly unknown[];
  unitIds?: readonly unknown[];
}

interface CheckedRecommendation {
  response: string | null;
  responseText: string | null;
  actions: readonly CheckedAction[];
}

const linked = (a: CheckedAction) => (a.units?.length ?? 0) + (a.unitIds?.length ?? 0) > 0;

/** Whether an action is fully actionable: it asks for something, names its unit and its due window. */
export const isActionable = (a: CheckedAction) => !a.noActionNeeded && linked(a) && a.due !== null;

/** Every gap of a matrix, recommendation by recommendation, action by action. */
export function actionabilityGaps(recommendations: readonly CheckedRecommendation[]): Gap[] {
  const gaps: Gap[] = [];
  recommendations.forEach((r, i) => {
    const at = `recommendations.${i}`;
    const agreed = r.response === 'accepted' || r.response === 'partially_accepted';
    if ((r.response === 'rejected' || r.response === 'partially_accepted') && !r.responseText?.trim()) {
      gaps.push({ kind: 'no_reason', path: `${at}.responseText` });
    }
    if (agreed && !r.actions.some((a) => !a.noActionNeeded)) {
      gaps.push({ kind: 'no_actions', path: `${at}.actions` });
    }
    r.actions.forEach((a, j) => {
      const path = `${at}.actions.${j}`;
      if (a.noActionNeeded) {
        if (r.response === 'accepted') gaps.push({ kind: 'na_on_accepted', path: `${path}.text` });
        return;
      }
      if (!linked(a)) gaps.push({ kind: 'no_unit', path: `${path}.responsible` });
      if (a.due === null) gaps.push({ kind: 'no_due', path: `${path}.timeframe` });
    });
  });
  return gaps;
}
