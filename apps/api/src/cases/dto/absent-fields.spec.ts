import { withoutAbsentFields } from './absent-fields';

/** What tsc emits for a DTO under define semantics: every declared field exists, undefined until set. */
class GroundAsCompiled {
  ground: string | undefined = undefined;
  decidedBy: string | undefined = undefined;
  decidedAt: string | undefined = undefined;
}

const ground = (fields: Partial<GroundAsCompiled>): GroundAsCompiled => Object.assign(new GroundAsCompiled(), fields);

describe('a validated value holds only the fields that were sent', () => {
  it('given DTOs compiled with every field defined, when pruned, then defaults spread before them survive', () => {
    const payload = { victimId: 'v', receivedAt: undefined, grounds: [ground({ ground: 'intimidated' }), ground({ ground: 'most-serious-crime', decidedBy: 'CPS' })] };

    withoutAbsentFields(payload);

    expect(Object.keys(payload)).toEqual(['victimId', 'grounds']);
    expect(payload.grounds.map((sent) => ({ decidedBy: 'Police', ...(sent as Partial<GroundAsCompiled>) }))).toEqual([
      { decidedBy: 'Police', ground: 'intimidated' },
      { decidedBy: 'CPS', ground: 'most-serious-crime' },
    ]);
    expect(payload.grounds[0]).toBeInstanceOf(GroundAsCompiled);
  });

  it('keeps null, false, zero and empty lists: they were sent', () => {
    expect(withoutAbsentFields({ a: null, b: false, c: 0, d: [], e: '' })).toEqual({ a: null, b: false, c: 0, d: [], e: '' });
  });
});
