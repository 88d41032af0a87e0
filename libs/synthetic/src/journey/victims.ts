import type { AgeBand, EnhancedGround, OptOutScope, Sex, VictimKind, VictimPersonalData, VictimRegistration } from '@case-journey/domain';
import type { Journey } from './journey';
import { businessDetails, familyDetails, personDetails } from './personal-details';
import { isoInstant } from '../instants';

/** A victim as drawn for the case, before anyone records them (so before the record that names them is known). */
export interface DrawnVictim {
  registration: Omit<VictimRegistration, 'victimId' | 'personal'>;
  details: VictimPersonalData;
  /** When the police register them: at the report, or (identified later) some days after. */
  registeredMs: number;
  /** Persistently targeted, but recognised as such only after registration. */
  recognisedLater: boolean;
}

/** The victims of the case: bereaved families on a homicide, otherwise people or businesses. */
export function drawVictims(j: Journey): DrawnVictim[] {
  const { victims } = j.profile;
  const count = Number(j.category === 'homicide' ? j.choose(victims.bereavedFamiliesPerHomicide) : j.choose(victims.perCase));
  const drawn: DrawnVictim[] = [];
  for (let i = 0; i < count; i++) {
    const kind: VictimKind = j.category === 'homicide' ? 'bereaved-family' : j.chance(j.offence.businessVictimShare) ? 'business' : 'person';
    const registeredMs = i > 0 && j.chance(victims.identifiedLaterShare) ? j.after(j.reportedMs, victims.identifiedLaterAfter) : j.reportedMs;
    drawn.push(drawVictim(j, kind, registeredMs));
  }
  return drawn;
}

/** The victim's registration once the record naming them gives them an id; their details are sealed under it. */
export function nameVictim(j: Journey, drawn: DrawnVictim, victimId: string): VictimRegistration {
  const { kind, ...rest } = drawn.registration;
  return { victimId, kind, personal: j.seal(victimId, drawn.details), ...rest };
}

function drawVictim(j: Journey, kind: VictimKind, registeredMs: number): DrawnVictim {
  const { victims } = j.profile;
  const sex: Sex | undefined = kind === 'business' ? undefined : j.chance(victims.sexNotStated) ? 'not-stated' : j.chance(j.offence.femaleShare) ? 'female' : 'male';
  const under18 = kind === 'person' && j.chance(j.offence.under18Share);
  const ageBand: AgeBand = kind === 'business' ? 'unknown' : under18 ? 'under-18' : j.choose(victims.adultAgeBands);
  const persistentlyTargeted = kind === 'person' && j.chance(j.offence.persistentlyTargetedShare);
  const recognisedLater = persistentlyTargeted && j.chance(victims.persistentlyTargetedRecognisedLaterShare);
  const details =
    kind === 'business' ? businessDetails(j.random) : kind === 'bereaved-family' ? familyDetails(j.random, sex) : personDetails(j.random, sex, ageBand, j.reportedMs);

  const optOuts: OptOutScope[] = [];
  if (kind !== 'business' && j.chance(victims.optOutOfSupport)) optOuts.push('support-referral');
  if (j.chance(victims.optOutOfUpdates)) optOuts.push('investigation-updates');

  const grounds: EnhancedGround[] = [];
  if (j.mostSerious) grounds.push('most-serious-crime');
  if (kind === 'bereaved-family') grounds.push('bereaved-close-relative');
  if (persistentlyTargeted && !recognisedLater) grounds.push('persistently-targeted');
  if (under18) grounds.push('vulnerable-under-18');
  const decidedAt = isoInstant(registeredMs);

  const registration: DrawnVictim['registration'] = {
    kind,
    ageBand,
    under18AtOffence: under18,
    ...(sex ? { sex } : {}),
    ...(kind === 'business' ? {} : { ethnicity: j.choose(victims.ethnicity) }),
    enhancedGrounds: grounds.map((ground) => ({ ground, decidedBy: 'Police', decidedAt })),
    contactPreference: j.choose(victims.contactPreference),
    consentToReferral: j.chance(victims.consentToReferral),
    optOuts,
  };
  return { registration, details, registeredMs, recognisedLater };
}
