import { dryRunViewModel, jobProgress, retentionErasureViewModel, type RetentionRunAnswer } from './retention.view-model';

const run = (changes: Partial<RetentionRunAnswer>): RetentionRunAnswer => ({
  jobId: '7',
  kind: 'dry-run',
  state: 'active',
  requestedBy: { subject: 'dpo.ahmed', agency: null },
  requestedAt: '2026-11-25T11:00:00.000Z',
  cutoff: '2020-11-25T11:00:00.000Z',
  progress: null,
  result: null,
  failedReason: null,
  ...changes,
});

const candidate = (n: number) => ({ victimId: `victim-${n}`, cases: [{ caseId: `case-${n}`, urn: `42AB000${n}`, closure: { reason: 'no-further-action', at: '2018-02-01T11:00:00.000Z' } }] });

describe('a retention job as its page shows it', () => {
  it('counts its progress in whole percent of what it has to read, rounded down', () => {
    expect(jobProgress(run({ progress: { done: 2, of: 3 } }))).toEqual({ percent: 66, finished: false, completed: false, failed: false, stateText: 'Active: 2 of 3 cases read.' });
  });

  it('is at 0 % before it knows how much there is, and at 100 % once completed whatever its count said', () => {
    expect(jobProgress(run({ state: 'waiting' }))).toMatchObject({ percent: 0, finished: false, stateText: 'Waiting.' });
    expect(jobProgress(run({ progress: { done: 5, of: null } }))).toMatchObject({ percent: 0, stateText: 'Active: 5 of all cases read.' });
    expect(jobProgress(run({ state: 'completed', progress: { done: 3, of: 4 } }))).toMatchObject({ percent: 100, finished: true, completed: true });
  });

  it('says why it failed, and counts victims for an erasure', () => {
    expect(jobProgress(run({ state: 'failed', failedReason: 'Redis went away' }))).toMatchObject({ finished: true, completed: false, stateText: 'Failed: Redis went away. Start it again.' });
    expect(jobProgress(run({ kind: 'erasure', progress: { done: 1, of: 2 } })).stateText).toBe('Active: 1 of 2 victims checked.');
  });
});

describe("a dry run's page", () => {
  it('says plainly when nobody is held past the retention period, and offers no erasure', () => {
    const model = dryRunViewModel(run({ state: 'completed', result: { cutoff: '2020-11-25T11:00:00.000Z', casesRead: 400, total: 0, offset: 0, victims: [] } }));
    expect(model.listing).toMatchObject({ empty: true, rows: [], summary: 'No victim is held past the retention period: none of the 400 cases read has every case of a victim closed before 25 November 2020. There is nothing to erase.' });
    expect(model.cutoff).toBe('25 November 2020');
  });

  it('lists each victim with how and when each of their cases closed, in London days', () => {
    const model = dryRunViewModel(run({ state: 'completed', result: { cutoff: '2020-11-25T11:00:00.000Z', casesRead: 401, total: 1, offset: 0, victims: [candidate(1)] } }));
    expect(model.listing).toMatchObject({
      empty: false,
      summary: '1 victim is held past the retention period: every case that registers them closed before 25 November 2020 (401 cases read).',
      shown: 'Victims 1 to 1 of 1',
      rows: [{ victimId: 'victim-1', cases: [{ caseId: 'case-1', urn: '42AB0001', closure: 'No further action, 1 February 2018' }] }],
      previous: undefined,
      next: undefined,
    });
  });

  it('names a case by its URN, or by its id where none was recorded, as the finder and worklists do', () => {
    const noUrn = { victimId: 'victim-2', cases: [{ caseId: 'case-2', urn: null, closure: { reason: 'no-further-action', at: '2018-02-01T11:00:00.000Z' } }] };
    const model = dryRunViewModel(run({ state: 'completed', result: { cutoff: '2020-11-25T11:00:00.000Z', casesRead: 2, total: 1, offset: 0, victims: [noUrn] } }));
    expect(model.listing?.rows[0].cases[0].urn).toBe('case-2');
  });

  it('pages the listing 50 at a time: the second page of 120 links back to the first and on to the third', () => {
    const victims = Array.from({ length: 50 }, (_, i) => candidate(50 + i));
    const model = dryRunViewModel(run({ state: 'completed', result: { cutoff: '2020-11-25T11:00:00.000Z', casesRead: 900, total: 120, offset: 50, victims } }));
    expect(model.listing).toMatchObject({ shown: 'Victims 51 to 100 of 120', previous: '/retention/dry-runs/7?offset=0', next: '/retention/dry-runs/7?offset=100' });
  });

  it('has no listing while it runs, and keeps the reason typed with its error', () => {
    const model = dryRunViewModel(run({ progress: { done: 1, of: 4 } }), '  ', { errorList: [{ text: 'Enter why', href: '#reason' }], byField: { reason: 'Enter why' } });
    expect(model.listing).toBeUndefined();
    expect(model).toMatchObject({ percent: 25, reason: '  ', errors: { reason: 'Enter why' }, errorList: [{ href: '#reason' }] });
  });
});

describe("a retention erasure's page", () => {
  it('names whom it erased and whom it skipped, with why', () => {
    const model = retentionErasureViewModel(
      run({ kind: 'erasure', state: 'completed', result: { dryRunId: '7', erased: ['victim-1', 'victim-2'], skipped: [{ victimId: 'victim-3', why: 'a case registered since' }] } }),
    );
    expect(model.outcome).toEqual({ dryRunPath: '/retention/dry-runs/7', summary: '2 victims’ personal data erased; 1 skipped.', erased: ['victim-1', 'victim-2'], skipped: [{ victimId: 'victim-3', why: 'a case registered since' }] });
  });

  it('has no outcome until it completes', () => {
    expect(retentionErasureViewModel(run({ kind: 'erasure', state: 'waiting' })).outcome).toBeUndefined();
  });
});
