/**
 * Who is calling, and the named policies that decide what they may do. Every route under /api
 * names its policy (`config.policy`); a route without one stops the server from starting, and
 * the authorisation test calls every route as every role. Record-level checks (a contributor's
 * own unit, the statuses a visitor sees) are policy functions too, in each module's policies.ts.
 */
import type { ROLE_NAMES } from '../modules/accounts/model.js';

export type Role = (typeof ROLE_NAMES)[number];

export interface Membership {
  organisationId: string;
  organisationName: string;
  role: Role;
  /** For contributors: the responsible unit they speak for (its id, and its name for display). */
  unitId: string | null;
  unit: string | null;
}

export interface Caller {
  /** null for visitors (no session). */
  user: { id: string; email: string; name: string } | null;
  /** The organisation the request works in: a membership's, or the public catalogue's for visitors. */
  organisationId: string;
  /** The caller's role there; null for visitors and people who are not members of it. */
  role: Role | null;
  /** For contributors: the responsible unit they speak for (a record of the unit directory). */
  unitId: string | null;
  /** That unit's name, for display. */
  unit: string | null;
  memberships: Membership[];
  /** Who acts when there is no account: a focal point answering from a round's link. */
  actorName?: string;
}

export interface Policy {
  /** module.verb, e.g. "evaluations.edit": the authorisation test's table is keyed by it. */
  name: string;
  allows(caller: Caller): boolean;
}

export const policy = (name: string, allows: (caller: Caller) => boolean): Policy => ({ name, allows });

export const isMember = (c: Caller) => c.role !== null;
export const hasRole =
  (...roles: Role[]) =>
  (c: Caller) =>
    c.role !== null && roles.includes(c.role);

/** The CLI: the operator of the machine, acting in one organisation with every right. */
export function systemCaller(organisationId: string): Caller {
  return { user: null, organisationId, role: 'admin', unitId: null, unit: null, memberships: [] };
}

/** Who did something, for the audit trail. */
export const actorOf = (c: Caller) => ({
  userId: c.user?.id ?? null,
  actorName: c.actorName ?? (c.user ? `${c.user.name} <${c.user.email}>` : 'command line'),
});

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy deciding who may call this route (required under /api). */
    policy?: Policy;
  }
  interface FastifyRequest {
    caller: Caller;
  }
}
