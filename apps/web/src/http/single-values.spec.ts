import { singleValues } from './single-values';

describe('a query or a form, one value a name', () => {
  it('given a name twice, keeps its first value', () => {
    expect(singleValues({ area: ['Wessex', 'Anglia'], period: '2026-10' })).toEqual({ area: 'Wessex', period: '2026-10' });
  });

  it('leaves out what is not text: an empty repeat, or a nested value a richer parser might make', () => {
    expect(singleValues({ area: [], offset: { x: '1' } as never, tab: 'due' })).toEqual({ tab: 'due' });
  });
});
