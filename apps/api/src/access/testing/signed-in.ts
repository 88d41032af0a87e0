import type { Agency } from '@case-journey/domain';
import { AGENCIES } from '@case-journey/domain';
import type { TestIdentity, TestIssuer } from './test-issuer';

/**
 * For suites that drive the API as every agency at once: one officer per agency holding every
 * signed-in role but the agency system's, in the given areas. `headerFor(body)` is the bearer of the
 * agency the body names (the Police when it names none), so each record is sent by its own agency.
 */
export async function officersOfEveryAgency(issuer: TestIssuer, areas: readonly string[]): Promise<{ headerFor: (body?: unknown) => string }> {
  const headers = new Map<Agency, string>();
  for (const agency of AGENCIES) {
    const identity: TestIdentity = { subject: `${agency.toLowerCase()}.officer`, roles: ['case-progression', 'witness-care', 'board', 'admin', 'data-protection'], agency, areas };
    headers.set(agency, `Bearer ${await issuer.token(identity)}`);
  }
  return {
    headerFor: (body?: unknown) => {
      const named = (body as { agency?: unknown } | undefined)?.agency;
      return headers.get((AGENCIES as readonly unknown[]).includes(named) ? (named as Agency) : 'Police')!;
    },
  };
}
