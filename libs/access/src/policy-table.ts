import type { Role } from './roles';

/**
 * What limits a grant:
 * - `own-areas`: only cases, worklists and figures of the caller's areas;
 * - `own-agency`: only records made as the caller's agency;
 * - `own-source-systems`: only records from the caller's own source systems (an agency system).
 */
export const RESTRICTIONS = ['own-agency', 'own-areas', 'own-source-systems'] as const;
export type Restriction = (typeof RESTRICTIONS)[number];

/** The restrictions of one grant; none means any. */
export type Scope = readonly Restriction[];

/**
 * What a route's scope is checked against, which decides how an out-of-scope call answers:
 * - `case`: one case, read or written by id. Out of scope answers 404, as if the case did not exist.
 * - `area-query`: a list or figures over areas. It reads only the areas in scope; naming another area answers 403.
 * - `recording`: a new record (a crime report). Out of scope answers 403, naming what does not match.
 * - `service`: the service itself (health, rebuilds): no area or agency.
 */
export const TARGETS = ['case', 'area-query', 'recording', 'service'] as const;
export type Target = (typeof TARGETS)[number];

export interface PermissionPolicy {
  /** What the permission lets a caller do, as the OpenAPI document says it. */
  description: string;
  target: Target;
  /** The roles granted it, each with its scope. A `public` grant lets every caller in. */
  grants: Readonly<Partial<Record<Role, Scope>>>;
}

const ANY: Scope = [];
const OWN_AREAS: Scope = ['own-areas'];
const OWN_AGENCY_IN_OWN_AREAS: Scope = ['own-agency', 'own-areas'];
const OWN_SYSTEMS_IN_OWN_AREAS: Scope = ['own-agency', 'own-source-systems', 'own-areas'];
/** An import's own scope; its lines are each checked within the caller's areas, as the single requests are. */
const OWN_AGENCY_SYSTEMS: Scope = ['own-agency', 'own-source-systems'];

/**
 * THE access policy: permission × role → scope. Every route names one permission (`@Requires`);
 * the AccessGuard, the query scopes, the OpenAPI document and the matrix test all read this table,
 * so they cannot disagree. A role not listed under a permission is refused it (403; 401 without a token).
 */
export const ACCESS_POLICY = {
  'case:report': {
    description: 'open a case from a crime report',
    target: 'recording',
    grants: { 'agency-system': OWN_SYSTEMS_IN_OWN_AREAS, 'case-progression': OWN_AGENCY_IN_OWN_AREAS },
  },
  'case:record-handoff': {
    description: "record a handoff or touchpoint as the caller's agency",
    target: 'case',
    grants: { 'agency-system': OWN_SYSTEMS_IN_OWN_AREAS, 'case-progression': OWN_AGENCY_IN_OWN_AREAS, 'witness-care': OWN_AGENCY_IN_OWN_AREAS },
  },
  'case:read': {
    description: "read a case's state, history, timeline and victims' journeys",
    target: 'case',
    grants: { 'case-progression': OWN_AREAS, 'witness-care': OWN_AREAS },
  },
  'case:find': {
    description: 'search the cases of the areas in scope (by URN, area, stage, agency waited on, dates, offence, rights, breaches, reference)',
    target: 'area-query',
    grants: { 'case-progression': OWN_AREAS, 'witness-care': OWN_AREAS },
  },
  'areas:read': {
    description: 'list the areas known, with how many cases each has',
    target: 'service',
    grants: { 'case-progression': ANY, 'witness-care': ANY, board: ANY, admin: ANY },
  },
  'worklist:read': {
    description: "read the worklist of victims' touchpoints due",
    target: 'area-query',
    grants: { 'witness-care': OWN_AREAS, 'case-progression': OWN_AREAS },
  },
  'compliance:read': {
    description: "read Victims' Code compliance and timeliness figures (aggregates, no personal data)",
    target: 'area-query',
    grants: { board: OWN_AREAS },
  },
  'notifications:read': {
    description: 'read the breaches raised by the deadline jobs',
    target: 'area-query',
    // Operators read the log on the administration page: breaches name a case and a pseudonymous victim id, never a person.
    grants: { 'witness-care': OWN_AREAS, 'case-progression': OWN_AREAS, admin: ANY },
  },
  // Case progression and witness care read the figures of their own areas too, so that they can follow one to its cases.
  'reports:read': {
    description: "read the shared measures' definitions and any measure's report (live, frozen, or as known at an instant; aggregates, suppressed on request)",
    target: 'area-query',
    grants: { board: OWN_AREAS, 'case-progression': OWN_AREAS, 'witness-care': OWN_AREAS },
  },
  // Not boards: they see aggregates only. The list names cases (URN, stage, whom they wait on), never a victim.
  'reports:read-cases': {
    description: 'list the cases behind a figure of a live report, each with what it adds to the figure (case references and progress; no victim named)',
    target: 'area-query',
    grants: { 'case-progression': OWN_AREAS, 'witness-care': OWN_AREAS },
  },
  // Anyone, without signing in: the report is always suppressed, and names no case.
  'reports:read-public': {
    description: "read a measure's report with small numbers suppressed (primary and secondary)",
    target: 'service',
    grants: { public: ANY },
  },
  'reports:build-pack': {
    description: "build a month's board pack for an area",
    target: 'recording',
    grants: { board: OWN_AREAS },
  },
  'reports:read-pack': {
    description: 'read a board pack (its progress, figures, page or PDF)',
    target: 'case',
    grants: { board: OWN_AREAS },
  },
  'projections:admin': {
    description: 'rebuild projections and follow the rebuilds',
    target: 'service',
    grants: { admin: ANY },
  },
  'victim:read-details': {
    description: "unseal a victim's name, contact details and preferences for a stated purpose (audited)",
    target: 'case',
    grants: { 'witness-care': OWN_AREAS, 'case-progression': OWN_AREAS },
  },
  'victim:erase': {
    description: "erase a victim's personal data",
    target: 'service',
    grants: { 'data-protection': ANY },
  },
  'audit:read': {
    description: 'read the audit log of access to victims\' data',
    target: 'service',
    grants: { 'data-protection': ANY },
  },
  'retention:run': {
    description: 'list and erase the victims held past the retention period',
    target: 'service',
    grants: { 'data-protection': ANY },
  },
  'imports:run': {
    description:
      "import a file of records (NDJSON or CSV) and follow it: an agency system its own agency's records from its own source systems, each line checked as the single request would be; an operator (admin) the backfill of every agency's records, each line naming its agency",
    target: 'service',
    grants: { 'agency-system': OWN_AGENCY_SYSTEMS, admin: ANY },
  },
  'service:health': {
    description: 'read whether the service is healthy',
    target: 'service',
    grants: { public: ANY },
  },
  // Operators only: the figures name no case or person, but they show the service's load and routes.
  // A Prometheus scrape signs in as an admin machine client (its oauth2 client credentials).
  'service:metrics': {
    description: "scrape the service's Prometheus metrics (request times, projection lag, queue depths, breaches; no case data)",
    target: 'service',
    grants: { admin: ANY },
  },
} as const satisfies Record<string, PermissionPolicy>;

export type Permission = keyof typeof ACCESS_POLICY;
export const PERMISSIONS = Object.keys(ACCESS_POLICY) as Permission[];

export const policyOf = (permission: Permission): PermissionPolicy => ACCESS_POLICY[permission];
export const isPermission = (value: unknown): value is Permission => typeof value === 'string' && Object.hasOwn(ACCESS_POLICY, value);
