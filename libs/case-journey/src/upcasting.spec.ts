import { upcast, type Upcaster } from './upcasting';

const stored = (schemaVersion: number, data: Record<string, unknown>) => ({
  type: 'HearingListed',
  data,
  metadata: { eventId: 'e1', schemaVersion, occurredAt: '2026-03-02T10:00:00.000Z' },
});

describe('upcast', () => {
  const upcasters = {
    HearingListed: {
      1: ((data) => ({ ...data, courtTier: 'magistrates' })) as Upcaster,
      2: ((data) => ({ ...data, court: String(data.courtName), courtName: undefined })) as Upcaster,
    },
  };

  it('lifts an old event through each step of its chain to the current version', () => {
    const event = upcast(stored(1, { hearingId: 'h1', courtName: 'St Albans' }), upcasters);
    expect(event.data).toMatchObject({ hearingId: 'h1', court: 'St Albans', courtTier: 'magistrates' });
    expect(event.metadata.schemaVersion).toBe(3);
  });

  it('starts from the stored version, so a newer event skips the steps it does not need', () => {
    const event = upcast(stored(2, { hearingId: 'h1', courtName: 'Luton', courtTier: 'crown' }), upcasters);
    expect(event.data).toMatchObject({ court: 'Luton', courtTier: 'crown' });
  });

  it('leaves an event of the current version as it is', () => {
    const current = stored(3, { hearingId: 'h1', court: 'Watford' });
    const event = upcast(current, upcasters);
    expect(event.data).toBe(current.data);
    expect(event.metadata).toBe(current.metadata);
  });
});
