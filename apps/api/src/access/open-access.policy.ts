import { AGENCIES, type Agency } from '@case-journey/domain';
import type { AccessPolicy, AccessRequest, Principal } from './access-policy';

const header = (request: AccessRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The default until the access-control issue lands: everyone may do everything, and the caller is
 * named by the X-User and X-Agency headers so that recordings say who made them.
 */
export class OpenAccessPolicy implements AccessPolicy {
  identify(request: AccessRequest): Principal {
    const agency = header(request, 'x-agency');
    return {
      user: header(request, 'x-user') ?? 'anonymous',
      agency: AGENCIES.includes(agency as Agency) ? (agency as Agency) : undefined,
    };
  }

  allows(): boolean {
    return true;
  }
}
