/** Who may manage people: administrators. Signing in and reading one's own session: anyone. */
import { hasRole, isMember, policy } from '../../server/caller.js';

export const accountPolicies = {
  public: policy('accounts.public', () => true),
  manage: policy('accounts.manage', hasRole('admin')),
  /** Members of the organisation, whatever their role: its name and language. */
  member: policy('accounts.member', isMember),
  /** Anyone signed in, member of the organisation or not: their own settings. */
  self: policy('accounts.self', (c) => c.user !== null),
};
