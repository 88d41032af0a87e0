import { caseMustBeNew, crimeReportFromReportingAgency } from '../rules/case.rules';
import { enforce } from '../rules/journey-rule';
import { victimIdMustBeUnique } from '../rules/victim.rules';
import { recordWhen } from './case-checks';
import type { DeciderMap } from './decider';

export const crimeReportDeciders: DeciderMap<'CrimeReported'> = {
  CrimeReported: recordWhen(
    (_command, state) => enforce(caseMustBeNew, state),
    ({ metadata }) => enforce(crimeReportFromReportingAgency, metadata.agency),
    ({ data }) => enforce(victimIdMustBeUnique, 'data.victims', data.victims.map((victim) => victim.victimId)),
  ),
};
