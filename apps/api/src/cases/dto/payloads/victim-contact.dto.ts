import {
  CONTACT_CHANNELS,
  INFORMATION_TOPICS,
  JOURNEY_STAGES,
  OPT_OUT_SCOPES,
  type ContactChannel,
  type InformationTopic,
  type JourneyStage,
  type OptOutScope,
} from '@case-journey/domain';
import { ChoiceField, ReferenceField, UuidField } from '../fields';
import type { HandoffData } from '../handoff-type';
import { AboutVictimDto } from './subjects.dto';

/** Touchpoints any agency records: the victim told something, opting out and back in, withdrawing support. */

export class VictimInformedDto extends AboutVictimDto implements HandoffData<'VictimInformed'> {
  @ChoiceField(INFORMATION_TOPICS, { description: "What the victim was told. Each Code obligation is met by one topic." })
  topic!: InformationTopic;

  @ChoiceField(CONTACT_CHANNELS, { description: 'How the victim was told.' })
  channel!: ContactChannel;

  @UuidField({ description: 'The event that prompted this contact, where the recording system knows it.', optional: true })
  regardingEventId?: string;

  @ReferenceField({ description: 'The hearing the contact was about, for hearing dates and outcomes.', optional: true })
  hearingId?: string;
}

export class VictimOptedOutDto extends AboutVictimDto implements HandoffData<'VictimOptedOut'> {
  @ChoiceField(OPT_OUT_SCOPES, { description: "What the victim opted out of; 'all' stops every non-mandatory contact." })
  scope!: OptOutScope;
}

export class VictimOptedBackInDto extends AboutVictimDto implements HandoffData<'VictimOptedBackIn'> {
  @ChoiceField(OPT_OUT_SCOPES, { description: 'What the victim opted back into.' })
  scope!: OptOutScope;
}

export class VictimWithdrewSupportDto extends AboutVictimDto implements HandoffData<'VictimWithdrewSupport'> {
  @ChoiceField(JOURNEY_STAGES, { description: 'The stage of the journey at which the victim withdrew support for the prosecution.' })
  stage!: JourneyStage;
}
