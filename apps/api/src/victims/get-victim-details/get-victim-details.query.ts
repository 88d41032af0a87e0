import type { AccessPurpose } from '@case-journey/access';

export class GetVictimDetailsQuery {
  constructor(
    readonly caseId: string,
    readonly victimId: string,
    readonly purpose: AccessPurpose,
    /** The caller's areas: a victim on a case of another area is not found. Undefined reads any area. */
    readonly areas?: readonly string[],
  ) {}
}
