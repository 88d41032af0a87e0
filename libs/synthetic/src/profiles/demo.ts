import type { GeneratorProfile } from '../profile';
import { ANGLIA, WESSEX } from './areas';
import { ENGLAND_AND_WALES } from './england-and-wales';

/** A few hundred cases in two areas over a year: what the product's run command loads. */
export const DEMO_PROFILE: GeneratorProfile = {
  ...ENGLAND_AND_WALES,
  name: 'demo',
  cases: 400,
  now: '2025-06-30T17:00:00.000Z',
  reportingDays: 365,
  areas: [WESSEX, ANGLIA],
};
