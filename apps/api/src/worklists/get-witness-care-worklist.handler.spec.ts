import { ObligationsReader, WorklistText } from '@case-journey/projections';
import { GetWitnessCareWorklistHandler } from './get-witness-care-worklist.handler';
import { GetWitnessCareWorklistQuery } from './get-witness-care-worklist.query';

const BREACHED_SINCE_28_NOVEMBER = new WorklistText(
  '{"total":2,"offset":0,"limit":50,"items":[{"obligationId":"o-1","caseId":"case-1","dueAt":"2026-11-28T12:00:00.000Z","note":"a {brace} and a \\"quote\\""},{"obligationId":"o-2","caseId":"case-2","dueAt":"2026-12-09T12:00:00.000Z"}]}',
  ['case-1', 'case-2'],
);

function worklistGiving(pages: WorklistText[], clock: { now: () => Date }): () => Promise<WorklistText> {
  let read = 0;
  const reader = { worklistText: async () => pages[Math.min(read++, pages.length - 1)] } as unknown as ObligationsReader;
  const handler = new GetWitnessCareWorklistHandler(reader, clock);
  return () => handler.execute(new GetWitnessCareWorklistQuery({ agency: 'WCU', offset: 0, limit: 50 }));
}

describe('the witness care worklist page as shown', () => {
  it('given a first page whose first item is breached, names it with its London days overdue', async () => {
    const page = await worklistGiving([BREACHED_SINCE_28_NOVEMBER], { now: () => new Date('2026-12-01T09:00:00Z') })();
    // 28 November to 1 December: three London days.
    expect(page.toJSON()).toMatchObject({ total: 2, oldestBreach: { obligationId: 'o-1', caseId: 'case-1', dueAt: '2026-11-28T12:00:00.000Z', overdueDays: 3 } });
    expect(page.caseIds).toEqual(['case-1', 'case-2']);
  });

  it('given the same kept page read again the same day, gives the very answer it gave, so it is not written out again', async () => {
    const read = worklistGiving([BREACHED_SINCE_28_NOVEMBER], { now: () => new Date('2026-12-01T09:00:00Z') });
    const first = await read();
    await expect(read()).resolves.toBe(first);
  });

  it('given the same kept page read on the next London day, counts one day more overdue', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    const read = worklistGiving([BREACHED_SINCE_28_NOVEMBER], { now: () => now });
    await read();
    now = new Date('2026-12-02T09:00:00Z');
    expect((await read()).toJSON()).toMatchObject({ oldestBreach: { obligationId: 'o-1', overdueDays: 4 } });
  });

  it('given the worklist moved (another page from the reader), shows the new page, not the one shown before', async () => {
    const moved = new WorklistText('{"total":1,"offset":0,"limit":50,"items":[{"obligationId":"o-2","caseId":"case-2","dueAt":"2026-12-09T12:00:00.000Z"}]}', ['case-2']);
    const read = worklistGiving([BREACHED_SINCE_28_NOVEMBER, moved], { now: () => new Date('2026-12-01T09:00:00Z') });
    await read();
    expect((await read()).toJSON()).toEqual({ total: 1, offset: 0, limit: 50, items: [{ obligationId: 'o-2', caseId: 'case-2', dueAt: '2026-12-09T12:00:00.000Z' }], oldestBreach: null });
  });
});
