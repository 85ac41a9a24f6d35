/** Who may do what in the action tracker. */
import { type Caller, hasRole, isMember, policy } from '../../server/caller.js';

export const actionPolicies = {
  read: policy('actions.read', isMember),
  edit: policy('actions.edit', hasRole('admin', 'editor')),
  /** Route level: who may try; `mayRecordProgress` then checks the action's unit. */
  progress: policy('actions.progress', hasRole('admin', 'editor', 'contributor')),
};

const words = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether a unit is among an action's responsible units as written ("PSD/HRM, Regional Offices
 * and Country Offices"): the unit's words appear together in one of the parts, ignoring case,
 * accents and punctuation.
 */
export function unitIsResponsible(unit: string, responsible: string | null): boolean {
  const u = words(unit);
  if (!u || !responsible) return false;
  return responsible
    .split(/[,;\n]|\band\b|\bet\b|&/i)
    .map(words)
    .some((part) => ` ${part} `.includes(` ${u} `));
}

/** Editors record progress on any action; a contributor only on its own unit's. */
export function mayRecordProgress(caller: Caller, responsible: string | null): boolean {
  if (caller.role === 'admin' || caller.role === 'editor') return true;
  return caller.role === 'contributor' && caller.unit !== null && unitIsResponsible(caller.unit, responsible);
}
