import type { RecordCommand } from '../commands';
import type { CaseEventType } from '../events';
import { recorded } from './decider';

describe('recorded', () => {
  describe('given a command whose metadata leaves some optional facts undefined', () => {
    const command = {
      type: 'HearingListed',
      data: { hearingId: 'hearing-1' },
      metadata: {
        eventId: 'event-1',
        occurredAt: '2026-11-02T10:00:00.000Z',
        receivedAt: undefined,
        agency: 'WCU',
        recordedBy: 'officer-7',
        sourceSystem: 'Athena',
        sourceReference: 'ref-1',
        correlationId: undefined,
        contentHash: 'sha256:abc',
        now: '2026-11-30T09:00:00.000Z',
      },
    } as unknown as RecordCommand<CaseEventType>;

    it('stamps the event with the facts given, in their order, then the schema version and the clock as recordedAt', () => {
      const event = recorded(command);
      expect(JSON.stringify(event.metadata)).toBe(
        '{"eventId":"event-1","occurredAt":"2026-11-02T10:00:00.000Z","agency":"WCU","recordedBy":"officer-7",' +
          '"sourceSystem":"Athena","sourceReference":"ref-1","contentHash":"sha256:abc","schemaVersion":1,"recordedAt":"2026-11-30T09:00:00.000Z"}',
      );
    });

    it('leaves the undefined facts absent rather than undefined, and keeps the clock only as recordedAt', () => {
      const { metadata } = recorded(command);
      expect(Object.keys(metadata)).not.toEqual(expect.arrayContaining(['receivedAt']));
      expect(Object.keys(metadata)).not.toEqual(expect.arrayContaining(['correlationId']));
      expect(Object.keys(metadata)).not.toEqual(expect.arrayContaining(['now']));
    });

    it('keeps the command type and the same data', () => {
      const event = recorded(command);
      expect(event.type).toBe('HearingListed');
      expect(event.data).toBe(command.data);
    });
  });
});
