import { createHash } from 'node:crypto';
import type { CaseEventMetadata } from './events';
import { contentHashOf, differingContent } from './record-content';
import { aCommand, aVictim, anEvent, SEALED } from './testing/case-builders';

const contact = (overrides: Partial<CaseEventMetadata> = {}, channel: 'phone' | 'email' = 'phone') =>
  anEvent('VictimInformed', { victimId: 'victim-1', topic: 'charge-decision', channel }, { occurredAt: '2026-03-10T10:00:00.000Z', agency: 'WCU', ...overrides });

describe('the content of a record', () => {
  it('hashes the canonical JSON of type, data, when, which agency and which piece of work', () => {
    const event = anEvent('InvestigationNotPursued', { reason: 'no suspect' }, { occurredAt: '2026-03-10T10:00:00.000Z', agency: 'Police' });
    // RFC 8785 by hand: keys sorted by code unit, no spaces, absent members left out.
    const canonical = '{"agency":"Police","data":{"caseId":"case-1","reason":"no suspect"},"occurredAt":"2026-03-10T10:00:00.000Z","type":"InvestigationNotPursued"}';
    expect(contentHashOf(event)).toBe(`sha256:${createHash('sha256').update(canonical).digest('base64url')}`);
  });

  it('is the same for a command and the event it became, and whoever recorded it, when and under which reference', () => {
    const command = aCommand('VictimInformed', { victimId: 'victim-1', topic: 'charge-decision', channel: 'phone' }, { occurredAt: '2026-03-10T10:00:00.000Z', agency: 'WCU', recordedBy: 'a', now: '2026-03-11T00:00:00.000Z' });
    const event = contact({ eventId: 'another', recordedAt: '2027-01-01T00:00:00.000Z', recordedBy: 'b', sourceSystem: 'x', sourceReference: 'y', causationId: 'z' });
    expect(contentHashOf(command)).toBe(contentHashOf(event));
  });

  it('differs when what happened differs, and names the parts', () => {
    const stored = contact();
    for (const [resent, parts] of [
      [contact({}, 'email'), ['data.channel']],
      [contact({ occurredAt: '2026-03-10T11:00:00.000Z' }), ['occurredAt']],
      [contact({ receivedAt: '2026-03-11T10:00:00.000Z' }), ['receivedAt']],
      [contact({ agency: 'Police', correlationId: 'work-9' }), ['agency', 'correlationId']],
    ] as const) {
      expect(contentHashOf(resent)).not.toBe(contentHashOf(stored));
      expect(differingContent(stored, resent)).toEqual(parts);
    }
    expect(differingContent(stored, contact())).toEqual([]);
  });

  it("takes a victim's sealed details by their key id alone: sealed twice they differ, the content does not", () => {
    const resealed = { ...SEALED, iv: 'b3RoZXI=', ciphertext: 'b3RoZXI=' };
    const report = (personal = SEALED) =>
      anEvent('CrimeReported', { area: 'Hertfordshire', offence: { description: 'Theft', category: 'theft' }, victims: [aVictim({ personal })] });
    expect(contentHashOf(report(resealed))).toBe(contentHashOf(report()));
    expect(contentHashOf(report({ ...SEALED, keyId: 'key-2' }))).not.toBe(contentHashOf(report()));
    const registration = (personal = SEALED) => anEvent('VictimRegistered', { victim: aVictim({ personal }) });
    expect(contentHashOf(registration(resealed))).toBe(contentHashOf(registration()));
    expect(differingContent(report(), { ...report(), data: { ...report().data, area: 'Kent' } })).toEqual(['data.area']);
  });
});
