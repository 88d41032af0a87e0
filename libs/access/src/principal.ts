import { AGENCIES, type Agency } from '@case-journey/domain';
import { isRole, type Role } from './roles';

/** The caller, as every access decision sees them: from the verified token's claims, or `public`. */
export interface Principal {
  subject: string;
  roles: readonly Role[];
  /** The agency the caller acts for; what they record is recorded as this agency's. */
  agency?: Agency;
  /** Police force / criminal justice board areas the caller works in. */
  areas: readonly string[];
  /** For an agency system: the source systems it may record from. */
  sourceSystems: readonly string[];
}

/** The caller without a token. */
export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ subject: 'public', roles: ['public'] as const, areas: [], sourceSystems: [] });

/** The token claims each part of the principal is read from (configurable: Entra ID names its app roles `roles`). */
export interface ClaimNames {
  roles: string;
  agency: string;
  areas: string;
  sourceSystems: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = { roles: 'roles', agency: 'agency', areas: 'areas', sourceSystems: 'source_systems' };

export type PrincipalReading = { ok: true; principal: Principal } | { ok: false; problem: string };

/**
 * The principal a verified token's claims describe. A list claim may be an array or a separated string
 * (identity providers differ: roles by spaces or commas, areas and source systems by commas, as
 * area names hold spaces). Unknown roles are ignored, never guessed at,
 * and a token cannot claim `public`; a token that names an unknown agency is refused outright, since
 * whatever it recorded would be attributed wrongly.
 */
export function principalFromClaims(claims: Record<string, unknown>, names: ClaimNames = DEFAULT_CLAIM_NAMES): PrincipalReading {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject.trim() === '') return { ok: false, problem: 'the token names no subject (sub)' };
  const agency = claims[names.agency];
  if (agency !== undefined && !(AGENCIES as readonly unknown[]).includes(agency)) {
    return { ok: false, problem: `the token's ${names.agency} claim ${JSON.stringify(agency)} is not one of ${AGENCIES.join(', ')}` };
  }
  return {
    ok: true,
    principal: {
      subject,
      roles: listClaim(claims[names.roles], /[\s,]+/).filter((role): role is Role => isRole(role) && role !== 'public'),
      ...(agency !== undefined && { agency: agency as Agency }),
      areas: listClaim(claims[names.areas], /,/),
      sourceSystems: listClaim(claims[names.sourceSystems], /,/),
    },
  };
}

function listClaim(value: unknown, separator: RegExp): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(separator) : [];
  return [...new Set(items.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter((item) => item !== ''))];
}
