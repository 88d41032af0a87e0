import type { CaseEvent, VictimPersonalData } from '@case-journey/domain';
import type { GeneratedCase } from './journey/case-journey';

/** The victim as an agency's system sends them: details in clear, the age band only when no date of birth decides it, grounds by name. */
function victimAsSent(registration: Record<string, unknown>, detailsOf: (victimId: string) => VictimPersonalData | undefined): Record<string, unknown> {
  const { personal: _sealed, enhancedGrounds, ageBand, under18AtOffence: _under18, ...rest } = registration as Record<string, unknown> & { enhancedGrounds: Array<{ ground: string }> };
  const details = detailsOf(String(rest.victimId));
  if (!details) throw new Error(`No details were sealed for victim ${String(rest.victimId)}`);
  return { ...rest, ...details, ...(details.dateOfBirth ? {} : { ageBand }), enhancedGrounds: enhancedGrounds.map(({ ground }) => ground) };
}

/**
 * The request an agency's system would have sent for a generated event, as one line of an import:
 * `POST /cases`'s body with `"type": "CrimeReported"`, or `POST /cases/:id/events`'s with the case's
 * id as `caseId`. Who recorded it is left out: whoever sends the line is its recorder.
 */
export function requestRecordOf(event: CaseEvent, detailsOf: (victimId: string) => VictimPersonalData | undefined): Record<string, unknown> {
  const { caseId, ...data } = event.data as unknown as Record<string, unknown>;
  const { occurredAt, receivedAt, agency, sourceSystem, sourceReference, correlationId } = event.metadata;
  const envelope = JSON.parse(JSON.stringify({ occurredAt, receivedAt, agency, sourceSystem, sourceReference, correlationId })) as Record<string, unknown>;
  if (event.type === 'CrimeReported') {
    return { type: 'CrimeReported', caseId, ...envelope, ...data, victims: (data.victims as Array<Record<string, unknown>>).map((victim) => victimAsSent(victim, detailsOf)) };
  }
  const payload = event.type === 'VictimRegistered' ? { victim: victimAsSent(data.victim as Record<string, unknown>, detailsOf) } : data;
  return { caseId, ...envelope, type: event.type, data: payload };
}

/** Every case's records, once each (a feed's re-deliveries of the same record are left out), in the order they were recorded. */
export function* requestRecords(cases: Iterable<GeneratedCase>, detailsOf: (victimId: string) => VictimPersonalData | undefined): Generator<Record<string, unknown>> {
  for (const generated of cases) {
    const seen = new Set<string>();
    for (const event of generated.events) {
      if (seen.has(event.metadata.eventId)) continue;
      seen.add(event.metadata.eventId);
      yield requestRecordOf(event, detailsOf);
    }
  }
}

/**
 * Each case's request lines as one chunk, for `--requests`. The details are those the generator
 * sealed, noted by `noted` as it sealed them, and let go once written.
 */
export function requestChunks(noted: Map<string, VictimPersonalData>): (cases: Iterable<GeneratedCase>) => Generator<string> {
  const detailsOf = (victimId: string) => {
    const details = noted.get(victimId);
    noted.delete(victimId);
    return details;
  };
  return function* chunks(cases) {
    for (const generated of cases) {
      let chunk = '';
      for (const record of requestRecords([generated], detailsOf)) chunk += `${JSON.stringify(record)}\n`;
      yield chunk;
    }
  };
}
