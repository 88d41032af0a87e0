import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { policyOf, type Permission } from '@case-journey/access';
import { ApiProblemResponses, PROBLEM_DESCRIPTIONS } from '../http/problem.response';

export const REQUIRED_PERMISSION = 'case-journey:required-permission';
export const BEARER_SCHEME = 'bearer';

/** "case-progression (own-agency, own-areas), witness-care (own-areas)": who may, within what. */
export const grantsText = (permission: Permission): string =>
  Object.entries(policyOf(permission).grants)
    .map(([role, scope]) => (scope.length === 0 ? role : `${role} (${scope.join(', ')})`))
    .join(', ');

/**
 * Names the permission a route needs, a row of the access policy table; the AccessGuard refuses
 * routes that name none. The OpenAPI document gets the route's roles and scopes from the same row
 * (`x-access`), and the bearer scheme unless the public may call it.
 */
export const Requires = (permission: Permission) => {
  const { grants, target } = policyOf(permission);
  const open = 'public' in grants;
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiExtension('x-access', { permission, target, grants }),
    ...(open
      ? []
      : [
          ApiBearerAuth(BEARER_SCHEME),
          ApiProblemResponses({
            401: PROBLEM_DESCRIPTIONS[401],
            403: `Allowed to: ${grantsText(permission)}. Refused to other roles, and when the body claims another agency, recorder or source system`,
          }),
        ]),
    ApiProblemResponses(429),
  );
};
