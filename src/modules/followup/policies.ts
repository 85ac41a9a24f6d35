/**
 * Who may do what in follow-up: members read rounds and their own follow-up; editors open, chase,
 * close rounds and validate reports; administrators set the reminder timing. The page behind a
 * unit's link is public: the signed link is the permission (checked in respond.ts).
 */
import { hasRole, isMember, policy } from '../../server/caller.js';

export const followupPolicies = {
  read: policy('followup.read', isMember),
  manage: policy('followup.manage', hasRole('admin', 'editor')),
  settings: policy('followup.settings', hasRole('admin')),
  public: policy('followup.public', () => true),
};
