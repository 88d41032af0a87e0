import type { Agency } from '@case-journey/domain';

/** What a route lets a caller do; the access-control issue maps roles onto these. */
export const PERMISSIONS = [
  'case:report',
  'case:record-handoff',
  'case:read',
  'worklist:read',
  'compliance:read',
  'notifications:read',
  'projections:admin',
  'victim:read-details',
  'victim:erase',
  'audit:read',
  'retention:run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Principal {
  user: string;
  agency?: Agency;
}

export interface AccessRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** Decides who the caller is and whether they may do what the route needs. */
export interface AccessPolicy {
  /** The caller, or undefined when the request carries no acceptable identity (401). */
  identify(request: AccessRequest): Principal | undefined;
  /** Whether the principal holds the permission (403 if not). */
  allows(principal: Principal, permission: Permission): boolean;
}

export const ACCESS_POLICY = Symbol('ACCESS_POLICY');
