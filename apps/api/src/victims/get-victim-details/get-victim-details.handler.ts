import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { findVictim } from '@case-journey/domain';
import { PersonalDataVault } from '@case-journey/personal-data';
import { CaseNotFoundError } from '../../cases/case-errors';
import { CaseStreamRepository } from '../../cases/case-stream.repository';
import { VictimErasedError, VictimNotFoundError } from '../victim-errors';
import { GetVictimDetailsQuery } from './get-victim-details.query';
import { victimRegistrationOf } from '../victim-registration-of';
import type { VictimDetails } from './victim-details';

/**
 * Opens a victim's sealed details from the case's own events (never from a read model, which holds
 * none). An erased victim answers 410, whether the case records the erasure or their key is gone.
 */
@QueryHandler(GetVictimDetailsQuery)
export class GetVictimDetailsHandler implements IQueryHandler<GetVictimDetailsQuery, VictimDetails> {
  constructor(
    private readonly cases: CaseStreamRepository,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ caseId, victimId, purpose }: GetVictimDetailsQuery): Promise<VictimDetails> {
    const loaded = await this.cases.load(caseId);
    if (!loaded) throw new CaseNotFoundError(caseId);
    const victim = findVictim(loaded.state, victimId);
    const registered = victimRegistrationOf(loaded.events, victimId);
    if (!victim || !registered) throw new VictimNotFoundError(victimId, caseId);
    if (victim.erasure) throw new VictimErasedError(caseId, victimId, victim.erasure.at);
    const opened = this.vault.open(registered.registration.personal);
    if ('erased' in opened) throw new VictimErasedError(caseId, victimId, null);
    return {
      caseId,
      victimId,
      kind: victim.kind,
      ...opened,
      preferences: { contactPreference: victim.contactPreference, optOuts: victim.optOuts, consentToReferral: victim.consentToReferral },
      purpose,
    };
  }
}
