import type { Agency, CaseEvent, OffenceCategory } from '@case-journey/domain';
import type { AreaProfile, GeneratorProfile } from '../profile';
import type { Random } from '../random';
import { CaseLog } from './case-log';
import { investigate } from './investigation';
import { Journey, type CodeTerms, type SealPersonalData } from './journey';
import { prosecute } from './prosecution';
import { reportCrime } from './report';
import { untidy } from './untidy-feed';

export interface GeneratedCase {
  caseId: string;
  area: string;
  /** Deliveries in recording order: each event once, and any re-delivered copy a few deliveries after it. */
  events: CaseEvent[];
}

export interface CaseSetting {
  /** The case's reference in the run, unique to it; its records' source references start with it. */
  caseReference: string;
  urn: string;
  area: AreaProfile;
  category: OffenceCategory;
  reportedMs: number;
  nowMs: number;
}

const SOURCE_SYSTEMS: Omit<Record<Agency, string>, 'Police'> = {
  CPS: 'CMS',
  HMCTS: 'Common Platform',
  WCU: 'Witness Management System',
  Probation: 'nDelius',
  VictimSupport: 'Victim Care Hub',
  YOT: 'ChildView',
  Prison: 'NOMIS',
};

/** One case's whole journey, then what its feeds had delivered by the generator's clock. */
export function generateCase(setting: CaseSetting, profile: GeneratorProfile, code: CodeTerms, random: Random, seal: SealPersonalData): GeneratedCase {
  const { caseReference, area } = setting;
  const prefix = area.name.toLowerCase().replace(/[^a-z]+/g, '-');
  const sourceSystems = { ...SOURCE_SYSTEMS, Police: area.policeSystem };
  const staffPrefix = Object.fromEntries(Object.keys(sourceSystems).map((agency) => [agency, `${prefix}.${agency.toLowerCase()}.`])) as Record<Agency, string>;
  const log = new CaseLog({ caseReference, feeds: profile.feeds, sourceSystems, staffPrefix }, random);
  const { caseId } = log;
  const journey = new Journey(caseId, setting.category, setting.reportedMs, profile, area, code, random, log, seal);

  const report = reportCrime(journey, setting.urn);
  const decision = investigate(journey, report);
  if (decision?.event.type === 'ChargeDecisionMade' && decision.event.data.decision === 'charge') prosecute(journey, decision);
  untidy(log, profile.feeds, random);
  log.stampContentHashes();
  return { caseId, area: area.name, events: log.deliveredBy(setting.nowMs) };
}
