import type { GeneratorProfile } from '../profile';
import { BENCH_PROFILE } from './bench';
import { DEMO_PROFILE } from './demo';

export { ANGLIA, PENNINE, SEVERN, WESSEX } from './areas';
export { ENGLAND_AND_WALES, OFFENCE_MIX, codePerformance } from './england-and-wales';
export { BENCH_PROFILE, DEMO_PROFILE };

export const PROFILES: Readonly<Record<string, GeneratorProfile>> = { demo: DEMO_PROFILE, bench: BENCH_PROFILE };

export function profileNamed(name: string): GeneratorProfile {
  const profile = PROFILES[name];
  if (!profile) throw new Error(`Unknown profile "${name}" (known: ${Object.keys(PROFILES).join(', ')})`);
  return profile;
}
