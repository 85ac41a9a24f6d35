/** Who may do what with evaluations: members read; editors import, edit, delete and restore. */
import { hasRole, isMember, policy } from '../../server/caller.js';

export const evaluationPolicies = {
  read: policy('evaluations.read', isMember),
  edit: policy('evaluations.edit', hasRole('admin', 'editor')),
};
