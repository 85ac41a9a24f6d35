/** Who may do what with the unit directory: members read it and match texts; editors keep it. */
import { hasRole, isMember, policy } from '../../server/caller.js';

export const unitPolicies = {
  read: policy('units.read', isMember),
  edit: policy('units.edit', hasRole('admin', 'editor')),
};
