import { victim } from '../testing/case-events';
import { reported } from '../testing/journey';
import { obligations } from './obligations';

describe('an opt-out that makes an obligation not applicable', () => {
  const referralOwedTo = (optOuts: Parameters<typeof victim>[1]) => {
    const given = [reported('e1', '2026-03-02T09:00:00.000Z', [victim('v1', optOuts)])];
    return obligations(given, '2026-03-10T12:00:00.000Z').find((o) => o.ruleId === 'R4.referral');
  };

  it("given a victim opted out of the rule's own scope and of everything, names the rule's own scope", () => {
    expect(referralOwedTo({ optOuts: ['all', 'support-referral'] })?.notApplicable).toEqual({ reason: 'opted-out', detail: 'the victim opted out of support-referral' });
  });

  it('given a victim opted out of everything alone, names everything', () => {
    expect(referralOwedTo({ optOuts: ['all'] })?.notApplicable).toEqual({ reason: 'opted-out', detail: 'the victim opted out of all' });
  });

  it("given a victim opted out of another scope only, still owes it", () => {
    expect(referralOwedTo({ optOuts: ['court-updates'] })?.notApplicable).toBeNull();
  });
});
