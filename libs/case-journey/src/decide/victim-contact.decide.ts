import { referencedEventMustExist } from '../rules/case.rules';
import { enforce } from '../rules/journey-rule';
import { optInNeedsOptOut, referralRespectsOptOut, vcsReferralMustBeMade, vcsReferralNeedsSentence } from '../rules/victim.rules';
import { knownVictim, listedHearingIfNamed, recordWhen, type Check } from './case-checks';
import type { DeciderMap } from './decider';

const referredToVictimContactScheme: Check<{ data: { victimId: string } }> = ({ data }, state) =>
  enforce(vcsReferralMustBeMade, state, data.victimId);

/** Telling the victim, their wishes about contact, and the Victim Contact Scheme after sentence. */
export const victimContactDeciders: DeciderMap<
  | 'VictimInformed'
  | 'VictimOptedOut'
  | 'VictimOptedBackIn'
  | 'VictimContactSchemeReferralMade'
  | 'VictimContactSchemeReferralReceived'
  | 'VictimLiaisonOfficerContactMade'
> = {
  VictimInformed: recordWhen(knownVictim, listedHearingIfNamed, ({ data }, state) => {
    if (data.regardingEventId !== undefined) enforce(referencedEventMustExist, state, data.regardingEventId);
  }),
  VictimOptedOut: recordWhen(knownVictim),
  VictimOptedBackIn: recordWhen(knownVictim, ({ data }, state) => enforce(optInNeedsOptOut, state, data.victimId, data.scope)),
  VictimContactSchemeReferralMade: recordWhen(
    knownVictim,
    (_command, state) => enforce(vcsReferralNeedsSentence, state),
    ({ data }, state) => enforce(referralRespectsOptOut, state, data.victimId, 'victim-contact-scheme'),
  ),
  VictimContactSchemeReferralReceived: recordWhen(knownVictim, referredToVictimContactScheme),
  VictimLiaisonOfficerContactMade: recordWhen(knownVictim, referredToVictimContactScheme),
};
