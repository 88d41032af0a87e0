import { isAlreadyRecorded } from '../state/case-lookups';
import type { CaseState } from '../state/case-state';
import { REPORTING_AGENCIES, type Agency } from '../vocabulary';
import { defineRule } from './journey-rule';

export const caseMustExist = defineRule({
  id: 'case-must-exist',
  holds: (state: CaseState) => state.exists,
  explain: () => 'No crime has been reported for this case',
  field: 'data.caseId',
});

export const caseMustBeNew = defineRule({
  id: 'case-must-be-new',
  holds: (state: CaseState) => !state.exists,
  explain: (state) => `Case ${state.caseId} already exists: its crime was reported at ${state.reportedAt}`,
  field: 'data.caseId',
});

export const crimeReportFromReportingAgency = defineRule({
  id: 'crime-report-from-reporting-agency',
  holds: (agency: Agency) => (REPORTING_AGENCIES as readonly Agency[]).includes(agency),
  explain: (agency) => `A crime is reported to a reporting agency (${REPORTING_AGENCIES.join(', ')}), not to ${agency}: only its report opens a case`,
  field: 'metadata.agency',
});

// Own judgment: an event naming another case in its data would be folded into the wrong one.
export const caseIdMustMatch = defineRule({
  id: 'case-id-must-match',
  holds: (state: CaseState, caseId: string) => state.caseId === caseId,
  explain: (state, caseId) => `The event names case ${caseId} but belongs to case ${state.caseId}`,
  field: 'data.caseId',
});

// Own judgment: a contact that cites the event prompting it must cite one of this case.
export const referencedEventMustExist = defineRule({
  id: 'referenced-event-must-exist',
  holds: (state: CaseState, eventId: string) => isAlreadyRecorded(state, eventId),
  explain: (_state, eventId) => `Event ${eventId} is not recorded in this case`,
  field: 'data.regardingEventId',
});
