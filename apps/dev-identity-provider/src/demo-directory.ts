import { isRole, SIGNED_IN_ROLES, type Role } from '@case-journey/access';
import { AGENCIES, type Agency } from '@case-journey/domain';
import { DEMO_PROFILE } from '@case-journey/synthetic';

/**
 * The dev provider's people and systems. A demo user's login is what they are:
 * `role[/agency[/area,area]]`, e.g. `case-progression/Police/Wessex` or `board/-/Anglia`; any login
 * of that form signs in, so `npm run token` can ask for any role, agency and areas. Agency systems
 * are machine clients (client credentials), one per agency for every demo area and one per area.
 */
export const DEMO_AREAS: readonly string[] = DEMO_PROFILE.areas.map((area) => area.name);

/** The token claims the API reads (its defaults: roles, agency, areas, source_systems). */
export interface DemoClaims {
  roles: Role[];
  agency?: Agency;
  areas: string[];
  source_systems: string[];
}

/** The demo's source systems, as the synthetic journeys and the API's examples name them. */
export const DEMO_SOURCE_SYSTEMS: Readonly<Partial<Record<Agency, readonly string[]>>> = {
  Police: [...new Set([...DEMO_PROFILE.areas.map((area) => area.policeSystem), 'Athena'])],
  CPS: ['CMS'],
  HMCTS: ['Common Platform'],
  WCU: ['Witness Management System', 'WMS'],
  Probation: ['nDelius'],
};

const AGENCY_OF_ROLE: Partial<Record<Role, Agency>> = { 'case-progression': 'Police', 'witness-care': 'WCU' };
const AREA_BOUND: readonly Role[] = ['agency-system', 'case-progression', 'witness-care', 'board'];

/** One demo user per signed-in role (agency systems are clients), for the first demo area. */
export const DEMO_USERS: readonly string[] = [
  'case-progression/Police/' + DEMO_AREAS[0],
  'case-progression/CPS/' + DEMO_AREAS[0],
  'witness-care/WCU/' + DEMO_AREAS.join(','),
  'board/-/' + DEMO_AREAS[0],
  'admin',
  'data-protection',
];

/** The login of a demo user: the role's usual agency when none is named (Police for case progression, WCU for witness care). */
export function demoLogin(role: string, agency?: string, areas?: string): string {
  const resolved = agency ?? (isRole(role) ? AGENCY_OF_ROLE[role] : undefined);
  if (resolved === undefined && areas === undefined) return role;
  return [role, resolved ?? '-', ...(areas === undefined ? [] : [areas])].join('/');
}

/** The claims of a login of the form `role[/agency[/areas]]`, or why it is not one. */
export function userClaims(login: string): DemoClaims | { problem: string } {
  const [role, agencyPart, areasPart] = login.split('/');
  if (!isRole(role) || role === 'public' || role === 'agency-system') {
    return { problem: `a demo login starts with one of ${SIGNED_IN_ROLES.filter((r) => r !== 'agency-system').join(', ')} (agency systems sign in as clients)` };
  }
  const agency = agencyPart === undefined || agencyPart === '' ? AGENCY_OF_ROLE[role] : agencyPart === '-' ? undefined : agencyPart;
  if (agency !== undefined && !(AGENCIES as readonly string[]).includes(agency)) return { problem: `${agency} is not one of ${AGENCIES.join(', ')}` };
  const areas = areasPart ? areasPart.split(',').map((area) => area.trim()).filter(Boolean) : AREA_BOUND.includes(role) ? [DEMO_AREAS[0]] : [];
  return { roles: [role], ...(agency && { agency: agency as Agency }), areas, source_systems: [] };
}

export interface DemoClient {
  clientId: string;
  secret: string;
  claims: DemoClaims;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Agency systems: `police-system` (every demo area) and `police-wessex-system` (one), with secret `<client id>-secret`. */
export const DEMO_CLIENTS: readonly DemoClient[] = (Object.entries(DEMO_SOURCE_SYSTEMS) as Array<[Agency, readonly string[]]>).flatMap(([agency, systems]) =>
  [DEMO_AREAS, ...DEMO_AREAS.map((area) => [area])].map((areas) => {
    const clientId = `${slug(agency)}${areas.length === 1 ? `-${slug(areas[0])}` : ''}-system`;
    return { clientId, secret: `${clientId}-secret`, claims: { roles: ['agency-system'], agency, areas: [...areas], source_systems: [...systems] } };
  }),
);

export const demoClient = (clientId: string): DemoClient | undefined => DEMO_CLIENTS.find((client) => client.clientId === clientId);

/** The machine client for an agency, across every demo area or for one. */
export function agencySystemClient(agency: string, area?: string): DemoClient | { problem: string } {
  const found = DEMO_CLIENTS.find((client) => client.claims.agency === agency && (area === undefined ? client.claims.areas.length > 1 : client.claims.areas.join() === area));
  if (found) return found;
  return { problem: `the dev provider has agency systems for ${Object.keys(DEMO_SOURCE_SYSTEMS).join(', ')} in ${DEMO_AREAS.join(', ')}, not ${agency}${area ? ` in ${area}` : ''}` };
}

/** The first-party clients of the authorization code flow with PKCE: the web app, and the token command. */
export const WEB_CLIENT_ID = 'case-journey-web';
export const TOKEN_COMMAND_CLIENT_ID = 'case-journey-token-command';
export const TOKEN_COMMAND_REDIRECT_URI = 'http://127.0.0.1/token-command/callback';

/** The one scope of the API's resource server. */
export const API_SCOPE = 'case-journey';
