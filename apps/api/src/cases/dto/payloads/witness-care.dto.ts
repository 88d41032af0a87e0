import { COURT_NOTICES, type CourtNotice } from '@case-journey/domain';
import { ChoiceField, ReferenceField } from '../fields';
import type { HandoffData } from '../handoff-type';
import { AboutVictimDto, AtHearingDto } from './subjects.dto';

/** Witness Care Unit handoffs: what the court sent, witnesses called, referrals to the Victim Contact Scheme. */

export class CourtNoticeReceivedDto extends AtHearingDto implements HandoffData<'CourtNoticeReceived'> {
  @ChoiceField(COURT_NOTICES, {
    description: "What the Witness Care Unit received from the court. Send receivedAt: the WCU's Code deadlines run from receipt.",
  })
  notice!: CourtNotice;
}

export class WitnessRequiredDto extends AboutVictimDto implements HandoffData<'WitnessRequired'> {
  @ReferenceField({ description: 'The hearing the victim must attend to give evidence, when known.', optional: true })
  hearingId?: string;
}

export class VictimContactSchemeReferralMadeDto extends AboutVictimDto implements HandoffData<'VictimContactSchemeReferralMade'> {}
