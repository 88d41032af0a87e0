import { createHash } from 'node:crypto';
import { caseStreamId, derivedCaseId, derivedEventId, derivedVictimId, recordKey, type CaseEvent } from '@case-journey/domain';
import { SYNTHETIC_NAME_PARTS } from './journey/personal-details';
import { ndjsonChunks } from './ndjson';
import { DEMO_PROFILE } from './profiles';
import { generate, storedEvents } from './testing/generate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const sha256 = (chunks: Iterable<string>) => {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
};
const ndjsonHash = (seed: number, cases = 300) => sha256(ndjsonChunks(generate(DEMO_PROFILE, { seed, cases }).cases));

describe('generateCases', () => {
  const { cases, sealer } = generate(DEMO_PROFILE, { cases: 300 });
  const events = cases.flatMap((generated) => generated.events);
  const nowMs = Date.parse(DEMO_PROFILE.now);

  describe('given the same profile and seed', () => {
    it('then the NDJSON is byte-identical', () => {
      expect(ndjsonHash(42)).toBe(ndjsonHash(42));
    });

    it('and another seed gives other cases', () => {
      expect(ndjsonHash(43)).not.toBe(ndjsonHash(42));
    });

    it('and a case is the same whatever else the run holds', () => {
      const shorter = generate(DEMO_PROFILE, { cases: 300 }).cases.slice(0, 40);
      expect(shorter).toEqual(cases.slice(0, 40));
      // The case's place in the reporting year depends on the run's size, so a longer run moves it.
      expect(generate(DEMO_PROFILE, { cases: 301 }).cases[0].caseId).toBe(cases[0].caseId);
    });
  });

  it('gives the profile its number of cases, spread over its areas', () => {
    expect(cases).toHaveLength(300);
    expect(new Set(cases.map((generated) => generated.area))).toEqual(new Set(DEMO_PROFILE.areas.map((area) => area.name)));
  });

  it('opens every case with its crime report (once it has reached the system) and keeps each case to its own id', () => {
    for (const generated of cases) {
      expect(generated.events.slice(0, 1).map((event) => event.type)).toEqual(generated.events.length ? ['CrimeReported'] : []);
      expect(generated.events.every((event) => event.data.caseId === generated.caseId)).toBe(true);
    }
    expect(caseStreamId(cases[0].caseId)).toBe(`case-${cases[0].caseId}`);
  });

  it('stamps every event with full metadata: a v5 UUID from its source reference, schema version 1, the agency and who recorded it', () => {
    const faults = events.filter(({ data, metadata }) => {
      const recorded = Date.parse(metadata.recordedAt);
      return (
        !UUID.test(metadata.eventId) ||
        metadata.eventId !== derivedEventId(data.caseId, recordKey(metadata) as string) ||
        metadata.schemaVersion !== 1 ||
        !metadata.agency ||
        !metadata.recordedBy ||
        !(Date.parse(metadata.occurredAt) <= recorded) ||
        (metadata.receivedAt !== undefined && !(Date.parse(metadata.receivedAt) <= recorded))
      );
    });
    expect(faults).toEqual([]);
  });

  it('names cases and victims as the API names the records that bring them in, so a re-sent record is the same', () => {
    const misnamed = events.filter((event) => {
      const { caseId } = event.data;
      if (event.type === 'VictimRegistered') return event.data.victim.victimId !== derivedVictimId(caseId, event.metadata.eventId);
      if (event.type !== 'CrimeReported') return false;
      return (
        caseId !== derivedCaseId(recordKey(event.metadata) as string) ||
        event.data.victims.some((victim, place) => victim.victimId !== derivedVictimId(caseId, place))
      );
    });
    expect(misnamed.map((event) => event.metadata.eventId)).toEqual([]);
    expect(events.some((event) => event.type === 'VictimRegistered')).toBe(true);
  });

  it('delivers nothing after the generator clock, so recent cases are still open', () => {
    expect(Math.max(...events.map((event) => Date.parse(event.metadata.recordedAt)))).toBeLessThanOrEqual(nowMs);
    const recent = cases.filter((generated) => Date.parse(generated.events[0].metadata.occurredAt) > nowMs - 30 * 86_400_000);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.some((generated) => !generated.events.some((event) => ['ChargeDecisionMade', 'InvestigationNotPursued'].includes(event.type)))).toBe(true);
  });

  it('orders each case in recording order, a re-delivery apart', () => {
    for (const generated of cases) {
      const recorded = storedEvents(generated).map((event) => Date.parse(event.metadata.recordedAt));
      expect(recorded).toEqual([...recorded].sort((a, b) => a - b));
    }
  });

  it('re-delivers some events a few lines later, byte for byte, under the same source reference', () => {
    const redelivered = cases.flatMap((generated) => {
      const lines = generated.events.map((event) => JSON.stringify(event));
      return lines.flatMap((line, i) => (lines.indexOf(line) < i ? [{ first: lines.indexOf(line), again: i }] : []));
    });
    expect(redelivered.length).toBeGreaterThan(0);
    for (const { first, again } of redelivered) expect(again - first).toBeLessThanOrEqual(5);
    const ids = events.map((event) => event.metadata.eventId);
    expect(new Set(ids).size).toBe(ids.length - redelivered.length);
  });

  it('records some events days after they happened, and corrects or retracts a few', () => {
    const late = events.filter((event) => Date.parse(event.metadata.recordedAt) - Date.parse(event.metadata.occurredAt) > 86_400_000);
    expect(late.length / events.length).toBeGreaterThan(0.01);
    const byId = new Map(events.map((event) => [event.metadata.eventId, event]));
    const corrections = events.filter((event): event is Extract<CaseEvent, { type: 'EventCorrected' | 'EventRetracted' }> =>
      event.type === 'EventCorrected' || event.type === 'EventRetracted',
    );
    expect(corrections.map((event) => event.type)).toEqual(expect.arrayContaining(['EventCorrected', 'EventRetracted']));
    for (const correction of corrections) {
      const targetId = correction.type === 'EventCorrected' ? correction.data.correctedEventId : correction.data.retractedEventId;
      expect(byId.get(targetId)?.data.caseId).toBe(correction.data.caseId);
    }
  });

  it('never puts a victim’s name, date of birth or contact details in an event: they go to the sealer', () => {
    expect(sealer.sealed.length).toBeGreaterThanOrEqual(cases.length);
    const values = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') values.add(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    events.forEach(collect);
    const leaked = sealer.sealed.flatMap(({ details }) =>
      [details.name, details.contactName, details.dateOfBirth, details.email, details.phone, details.address].filter((value) => value && values.has(value)),
    );
    expect(leaked).toEqual([]);
    const text = events.map((event) => JSON.stringify(event)).join('\n');
    expect(text.match(new RegExp(`\\b(${SYNTHETIC_NAME_PARTS.join('|')})\\b|@example\\.org|07700 900`, 'g'))).toBeNull();
  });

  it('registers several victims on some cases and bereaved families on homicides', () => {
    const { cases: more } = generate(DEMO_PROFILE, { cases: 2000, seed: 5 });
    const reports = more.flatMap((generated) => generated.events.slice(0, 1));
    const victimCounts = more.map((generated) =>
      generated.events.reduce((n, event) => n + (event.type === 'CrimeReported' ? event.data.victims.length : event.type === 'VictimRegistered' ? 1 : 0), 0),
    );
    expect(victimCounts.some((count) => count >= 2)).toBe(true);
    const homicides = reports.filter((event) => event.type === 'CrimeReported' && event.data.offence.category === 'homicide');
    expect(homicides.length).toBeGreaterThan(0);
    for (const report of homicides) {
      if (report.type !== 'CrimeReported') continue;
      for (const victim of report.data.victims) {
        expect(victim.kind).toBe('bereaved-family');
        expect(victim.enhancedGrounds.map((ground) => ground.ground)).toContain('bereaved-close-relative');
      }
    }
  });
});
