import { CONTACT_CHANNELS, type ContactChannel } from '@case-journey/domain';
import { ChoiceField } from '../fields';
import type { HandoffData } from '../handoff-type';
import { AboutVictimDto } from './subjects.dto';

/** Probation handoffs: the Victim Contact Scheme referral received, the Victim Liaison Officer's contact. */

export class VictimContactSchemeReferralReceivedDto extends AboutVictimDto implements HandoffData<'VictimContactSchemeReferralReceived'> {}

export class VictimLiaisonOfficerContactMadeDto extends AboutVictimDto implements HandoffData<'VictimLiaisonOfficerContactMade'> {
  @ChoiceField(CONTACT_CHANNELS, { description: 'How the Victim Liaison Officer made contact.' })
  channel!: ContactChannel;
}
