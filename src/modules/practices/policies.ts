/** Who may do what in the good-practice library. Visitors read published practices only. */
import { type Caller, hasRole, isMember, policy } from '../../server/caller.js';
import type { PracticeStatus } from './model.js';

export const practicePolicies = {
  /** Everyone, visitors included; `visibleStatuses` narrows what they see. */
  read: policy('practices.read', () => true),
  edit: policy('practices.edit', hasRole('admin', 'editor')),
  workflow: policy('practices.workflow', hasRole('admin', 'editor', 'reviewer')),
  /** Reading drafts and in-review practices, and the deleted ones. */
  readAll: policy('practices.readAll', isMember),
};

export const frameworkPolicies = {
  read: policy('frameworks.read', () => true),
  add: policy('frameworks.add', hasRole('admin')),
};

/** The statuses a caller may see: members all, visitors published only. */
export function visibleStatuses(caller: Caller): PracticeStatus[] | undefined {
  return isMember(caller) ? undefined : ['published'];
}

/** Editors submit for review (and withdraw); reviewers publish, return and unpublish; admins do all. */
export function mayMoveWorkflow(caller: Caller, from: PracticeStatus, to: PracticeStatus): boolean {
  if (caller.role === 'admin') return true;
  if (to === 'in_review') return caller.role === 'editor';
  if (from === 'in_review' && to === 'draft') return caller.role === 'editor' || caller.role === 'reviewer';
  return caller.role === 'reviewer';
}
