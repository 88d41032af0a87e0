import type { Principal } from './principal';
import { policyOf, type Permission, type Scope } from './policy-table';
import type { Role } from './roles';

/** What a principal may do with one permission: under which role, within which scope. */
export interface Grant {
  permission: Permission;
  principal: Principal;
  role: Role;
  scope: Scope;
}

export type GrantDecision = { granted: true; grant: Grant } | { granted: false; status: 401 | 403; reason: string };

/**
 * Whether the policy table grants the permission to the principal. A `public` grant lets every
 * caller in; otherwise the caller needs a role the table lists, and a caller holding several gets
 * the widest scope among them (the one with fewest restrictions).
 */
export function grantFor(principal: Principal, permission: Permission): GrantDecision {
  const { grants } = policyOf(permission);
  const scoped = (Object.entries(grants) as Array<[Role, Scope]>).filter(([role]) => role === 'public' || principal.roles.includes(role));
  if (scoped.length === 0) {
    const allowed = Object.keys(grants).join(', ');
    if (principal.roles.includes('public')) return { granted: false, status: 401, reason: `Sign in: ${permission} needs a bearer token for one of the roles ${allowed}` };
    return {
      granted: false,
      status: 403,
      reason: `${permission} needs one of the roles ${allowed}; the token grants ${principal.roles.length > 0 ? principal.roles.join(', ') : 'no role of case-journey'}`,
    };
  }
  const [role, scope] = scoped.reduce((widest, candidate) => (candidate[1].length < widest[1].length ? candidate : widest));
  return { granted: true, grant: { permission, principal, role, scope } };
}

/** The roles the table grants a permission to: for the OpenAPI document and the matrix test. */
export const rolesGranted = (permission: Permission): Role[] => Object.keys(policyOf(permission).grants) as Role[];
