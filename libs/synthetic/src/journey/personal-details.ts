import type { AgeBand, Sex, VictimPersonalData } from '@case-journey/domain';
import { DAY_MS } from '../distributions';
import type { Random } from '../random';

/*
 * A victim's identifying details, as `@case-journey/personal-data` seals them. Everything here is
 * invented: fictional names, phone numbers from Ofcom's drama range, example.org addresses.
 */

const FEMALE_NAMES = ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Grace', 'Freya', 'Aisha', 'Priya', 'Zara', 'Chloe', 'Hannah', 'Megan', 'Niamh', 'Sofia', 'Ruth', 'Joan', 'Margaret'];
const MALE_NAMES = ['Oliver', 'George', 'Noah', 'Arthur', 'Leo', 'Harry', 'Mohammed', 'Jack', 'Rhys', 'Dylan', 'Kwame', 'Tomasz', 'Daniel', 'Samuel', 'Idris', 'Peter', 'Colin', 'Derek'];
const SURNAMES = ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts', 'Khan', 'Patel', 'Ahmed', 'Okafor', 'Mensah', 'Kowalski', 'Hughes', 'Clarke', 'Begum', 'Murphy'];
const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Mill Road', 'Victoria Street', 'Park Avenue', 'The Green', 'Orchard Close', 'Meadow Way', 'Kings Road'];
const TOWNS = ['Casterbridge', 'Fenbury', 'Millbeck', 'Wyeford', 'Eastcombe', 'Little Marsh', 'Ashford Vale', 'Northwick'];
const TRADES = ['Hardware', 'Convenience Store', 'Pharmacy', 'Garage', 'Café', 'Builders Merchants', 'Florist', 'Off Licence'];

const AGE_RANGES: Record<Exclude<AgeBand, 'unknown'>, [number, number]> = {
  'under-18': [4, 17],
  '18-24': [18, 24],
  '25-34': [25, 34],
  '35-44': [35, 44],
  '45-54': [45, 54],
  '55-64': [55, 64],
  '65-plus': [65, 90],
};

function personName(random: Random, sex: Sex | undefined): string {
  const first = random.pick(sex === 'male' ? MALE_NAMES : sex === 'female' ? FEMALE_NAMES : random.chance(0.5) ? MALE_NAMES : FEMALE_NAMES);
  return `${first} ${random.pick(SURNAMES)}`;
}

/** Born in the age band on the offence day: `ageBand` is derived from this date, which stays sealed. */
function dateOfBirth(random: Random, ageBand: AgeBand, offenceMs: number): string | undefined {
  if (ageBand === 'unknown') return undefined;
  const [youngest, oldest] = AGE_RANGES[ageBand];
  const ageInDays = random.integer(youngest * 366, (oldest + 1) * 365 - 2);
  return new Date(offenceMs - ageInDays * DAY_MS).toISOString().slice(0, 10);
}

function contact(random: Random, name: string): Pick<VictimPersonalData, 'email' | 'phone' | 'address'> {
  return {
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
    phone: `07700 900${String(random.integer(0, 999)).padStart(3, '0')}`,
    address: `${random.integer(1, 180)} ${random.pick(STREETS)}, ${random.pick(TOWNS)}`,
  };
}

export function personDetails(random: Random, sex: Sex | undefined, ageBand: AgeBand, offenceMs: number): VictimPersonalData {
  const name = personName(random, sex);
  const born = dateOfBirth(random, ageBand, offenceMs);
  return { name, ...(born ? { dateOfBirth: born } : {}), ...contact(random, name) };
}

/** A bereaved family, reached through its spokesperson. */
export function familyDetails(random: Random, sex: Sex | undefined): VictimPersonalData {
  const spokesperson = personName(random, sex);
  return { name: `The ${spokesperson.split(' ')[1]} family`, contactName: spokesperson, ...contact(random, spokesperson) };
}

/** A business, through its named point of contact (without one it would not be a victim under the Code). */
export function businessDetails(random: Random): VictimPersonalData {
  const contactName = personName(random, undefined);
  const name = `${random.pick(TOWNS)} ${random.pick(TRADES)} Ltd`;
  return { name, contactName, ...contact(random, contactName) };
}

/** Every name the generator can produce, for checks that no personal data leaks into an event. */
export const SYNTHETIC_NAME_PARTS: readonly string[] = [...FEMALE_NAMES, ...MALE_NAMES, ...SURNAMES];
