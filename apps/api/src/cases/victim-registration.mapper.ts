import type { AgeBand, Agency, EnhancedGround, VictimRegistration } from '@case-journey/domain';
import type { SealPersonalData, VictimPersonalData } from '@case-journey/personal-data';
import { londonDayOf } from '@case-journey/victims-code';
import type { VictimDto } from './dto';

const AGE_BAND_FLOORS: ReadonlyArray<[number, AgeBand]> = [
  [65, '65-plus'],
  [55, '55-64'],
  [45, '45-54'],
  [35, '35-44'],
  [25, '25-34'],
  [18, '18-24'],
  [0, 'under-18'],
];

/** Whole years between a YYYY-MM-DD birth date and the London calendar day of an instant. */
export function ageOn(dateOfBirth: string, instant: string): number {
  const [birthYear, birthMonth, birthDay] = dateOfBirth.split('-').map(Number);
  const [year, month, day] = londonDayOf(instant).split('-').map(Number);
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}

export function ageBandFor(age: number): AgeBand {
  return AGE_BAND_FLOORS.find(([floor]) => age >= floor)?.[1] ?? 'unknown';
}

export interface RegistrationContext {
  victimId: string;
  /**
   * The instant whose London day the victim's age is judged on. The Code asks for the offence date;
   * until crime reports carry one, the day the crime was reported stands in for it.
   */
  ageOn: string;
  agency: Agency;
  decidedAt: string;
}

/**
 * Turns a victim as an agency sent it into what an event may hold: identifying details sealed with
 * the victim's own key, the date of birth reduced to an age band and the under-18 fact.
 */
export function toVictimRegistration(dto: VictimDto, context: RegistrationContext, seal: SealPersonalData): VictimRegistration {
  const age = dto.dateOfBirth ? ageOn(dto.dateOfBirth, context.ageOn) : undefined;
  const ageBand = age !== undefined ? ageBandFor(age) : (dto.ageBand ?? 'unknown');
  const personal: VictimPersonalData = {
    name: dto.name,
    ...(dto.contactName && { contactName: dto.contactName }),
    ...(dto.dateOfBirth && { dateOfBirth: dto.dateOfBirth }),
    ...(dto.email && { email: dto.email }),
    ...(dto.phone && { phone: dto.phone }),
    ...(dto.address && { address: dto.address }),
  };
  return {
    victimId: context.victimId,
    kind: dto.kind,
    personal: seal(context.victimId, personal),
    ageBand,
    under18AtOffence: ageBand === 'under-18',
    ...(dto.sex && { sex: dto.sex }),
    ...(dto.ethnicity && { ethnicity: dto.ethnicity }),
    enhancedGrounds: (dto.enhancedGrounds ?? []).map((ground: EnhancedGround) => ({
      ground,
      decidedBy: context.agency,
      decidedAt: context.decidedAt,
    })),
    contactPreference: dto.contactPreference,
    consentToReferral: dto.consentToReferral,
    optOuts: dto.optOuts ?? [],
  };
}
