import type { GeneratorProfile } from '../profile';
import { ANGLIA, PENNINE, SEVERN, WESSEX } from './areas';
import { ENGLAND_AND_WALES } from './england-and-wales';

/** 100,000 cases in four areas over two years: the benchmarks' data set. */
export const BENCH_PROFILE: GeneratorProfile = {
  ...ENGLAND_AND_WALES,
  name: 'bench',
  cases: 100_000,
  now: '2025-06-30T17:00:00.000Z',
  reportingDays: 730,
  areas: [WESSEX, ANGLIA, PENNINE, SEVERN],
};
