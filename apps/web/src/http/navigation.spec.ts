import type { SignedInUser } from '../sign-in/signed-in-user';
import { navigationFor, startPageOf } from './navigation';

const dpo = { roles: ['data-protection'] } as unknown as SignedInUser;

describe("the data protection officer's navigation", () => {
  it('shows the audit log, erasure and retention review, and starts on the audit log', () => {
    expect(navigationFor(dpo, '/audit').map((item) => [item.href, item.active])).toEqual([
      ['/audit', true],
      ['/erasures', false],
      ['/retention', false],
      ['/public/compliance', false],
    ]);
    expect(startPageOf(dpo)).toBe('/audit');
  });

  it("marks erasure as current on a victim's erasure pages, and retention review on a dry run", () => {
    const current = (path: string) => navigationFor(dpo, path).filter((item) => item.active).map((item) => item.href);
    expect(current('/victims/v-1/erasure')).toEqual(['/erasures']);
    expect(current('/victims/v-1/erasure/done')).toEqual(['/erasures']);
    expect(current('/retention/dry-runs/7')).toEqual(['/retention']);
    expect(current('/victims/v-1/erasures-of-something')).toEqual([]);
  });
});
