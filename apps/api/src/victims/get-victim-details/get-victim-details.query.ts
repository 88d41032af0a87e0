import type { AccessPurpose } from '@case-journey/access';

export class GetVictimDetailsQuery {
  constructor(
    readonly caseId: string,
    readonly victimId: string,
    readonly purpose: AccessPurpose,
  ) {}
}
