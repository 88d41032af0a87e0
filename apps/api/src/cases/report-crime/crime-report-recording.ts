import type { Grant } from '@case-journey/access';
import type { ReportCrimeDto } from '../dto';
import { commandMetadata } from '../command-metadata';
import type { Recording } from '../handoff-recorder';
import { caseIdFor, eventIdFor, victimIdFor } from '../record-identity';
import { actorOf, authorizeRecording } from '../recording-actor';
import type { RecordingContext } from '../record-handoff/handoff-recording';
import { toVictimRegistration } from '../victim-registration.mapper';

/** A validated crime report as the recorder takes it, opening its case as the caller's: from a request or a line of an import alike. */
export function crimeReportRecording(report: ReportCrimeDto, caller: Grant, context: Omit<RecordingContext, 'rules'>): Recording {
  const actor = actorOf(caller, report.agency);
  const source = { sourceSystem: report.sourceSystem, sourceReference: report.sourceReference, idempotencyKey: context.idempotencyKey };
  const caseId = caseIdFor(report.caseId, source);
  const eventId = eventIdFor(caseId, source);
  const { description, category, code } = report.offence;
  return {
    caseId,
    eventId,
    type: 'CrimeReported',
    authorize: (loaded) =>
      authorizeRecording(caller, { type: 'CrimeReported', agency: report.agency, recordedBy: report.recordedBy, sourceSystem: report.sourceSystem, data: {} }, loaded, report.area),
    build: (_loaded, seal) => ({
      type: 'CrimeReported',
      data: {
        caseId,
        ...(report.urn && { urn: report.urn }),
        area: report.area,
        offence: { description, category, ...(code && { code }) },
        victims: report.victims.map((victim, index) =>
          toVictimRegistration(victim, { victimId: victimIdFor(caseId, index, victim.victimId), ageOn: report.occurredAt, agency: actor.agency, decidedAt: report.occurredAt }, seal),
        ),
      },
      metadata: commandMetadata(report, actor, eventId, context.now(), context.requestId),
    }),
  };
}
