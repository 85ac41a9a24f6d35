/** Who may read the portfolio: every member of the organisation. */
import { isMember, policy } from '../../server/caller.js';

export const portfolioPolicies = {
  read: policy('portfolio.read', isMember),
  /** Published management responses: anyone. */
  public: policy('portfolio.public', () => true),
};
