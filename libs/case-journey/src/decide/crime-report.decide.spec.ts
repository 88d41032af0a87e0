import { initialState } from '../state/case-state';
import { aCommand, aReportedCase, aVictim, given } from '../testing/case-builders';
import { decide } from './decide';

describe('CrimeReported', () => {
  const report = (victims = [aVictim(), aVictim({ victimId: 'victim-2', kind: 'bereaved-family' })]) =>
    aCommand(
      'CrimeReported',
      { urn: '41XY0012326', area: 'Hertfordshire', offence: { description: 'Murder', category: 'homicide' }, victims },
      {
        eventId: 'b6d1e5a0-0000-5000-8000-000000000001',
        occurredAt: '2026-03-02T09:00:00.000Z',
        receivedAt: '2026-03-02T09:30:00.000Z',
        agency: 'Police',
        recordedBy: 'niche-rms',
        sourceSystem: 'NicheRMS',
        sourceReference: 'OCC-2026-000123',
        correlationId: 'corr-1',
        now: '2026-03-02T09:31:00.000Z',
      },
    );

  it('opens the case, stamping the event with the facts of its recording', () => {
    const command = report();
    given([])
      .when(command)
      .then([
        {
          type: 'CrimeReported',
          data: command.data,
          metadata: {
            eventId: 'b6d1e5a0-0000-5000-8000-000000000001',
            schemaVersion: 1,
            occurredAt: '2026-03-02T09:00:00.000Z',
            recordedAt: '2026-03-02T09:31:00.000Z',
            receivedAt: '2026-03-02T09:30:00.000Z',
            agency: 'Police',
            recordedBy: 'niche-rms',
            sourceSystem: 'NicheRMS',
            sourceReference: 'OCC-2026-000123',
            correlationId: 'corr-1',
          },
        },
      ]);
  });

  it('leaves absent optional metadata out of the event rather than undefined', () => {
    const command = aCommand(
      'CrimeReported',
      { area: 'Kent', offence: { description: 'Theft', category: 'theft' }, victims: [] },
      { occurredAt: '2026-03-02T09:00:00.000Z' },
    );
    const [event] = decide(command, initialState());
    expect(Object.keys(event.metadata).sort()).toEqual(['agency', 'eventId', 'occurredAt', 'recordedAt', 'recordedBy', 'schemaVersion']);
  });

  it('breaks case-must-be-new on a case already reported', () => {
    given(aReportedCase()).when(report()).thenThrows('case-must-be-new', 'data.caseId');
  });

  it('breaks victim-id-must-be-unique when two victims share an id', () => {
    given([]).when(report([aVictim(), aVictim()])).thenThrows('victim-id-must-be-unique', 'data.victims');
  });

  it.each(['CPS', 'HMCTS', 'WCU', 'VictimSupport'] as const)('breaks crime-report-from-reporting-agency when reported by %s', (agency) => {
    const command = report();
    given([]).when({ ...command, metadata: { ...command.metadata, agency } }).thenThrows('crime-report-from-reporting-agency', 'metadata.agency');
  });
});
