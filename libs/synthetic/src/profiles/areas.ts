import type { AreaProfile } from '../profile';
import { codePerformance } from './england-and-wales';

/**
 * Fictional areas, so that made-up performance is never read as a real force's. Wessex's agencies
 * are good at the Code; Anglia's witness care unit is visibly slower (70% on time against 92%).
 */
export const WESSEX: AreaProfile = {
  name: 'Wessex',
  forceCode: '91',
  share: 0.55,
  magistratesCourt: "Casterbridge Magistrates' Court",
  crownCourt: 'Casterbridge Crown Court',
  policeSystem: 'Niche RMS',
  codePerformance: codePerformance(0.9, { CPS: 0.85, WCU: 0.92, Probation: 0.88 }),
};

export const ANGLIA: AreaProfile = {
  name: 'Anglia',
  forceCode: '92',
  share: 0.45,
  magistratesCourt: "Fenbury Magistrates' Court",
  crownCourt: 'Fenbury Crown Court',
  policeSystem: 'Athena',
  codePerformance: codePerformance(0.8, { CPS: 0.75, HMCTS: 0.85, WCU: 0.7, Probation: 0.72 }),
};

export const PENNINE: AreaProfile = {
  name: 'Pennine',
  forceCode: '93',
  share: 0.3,
  magistratesCourt: "Millbeck Magistrates' Court",
  crownCourt: 'Millbeck Crown Court',
  policeSystem: 'Niche RMS',
  codePerformance: codePerformance(0.85, { Police: 0.78, WCU: 0.88 }),
};

export const SEVERN: AreaProfile = {
  name: 'Severn',
  forceCode: '94',
  share: 0.2,
  magistratesCourt: "Wyeford Magistrates' Court",
  crownCourt: 'Wyeford Crown Court',
  policeSystem: 'Connect',
  codePerformance: codePerformance(0.75, { HMCTS: 0.65, Probation: 0.9 }),
};
