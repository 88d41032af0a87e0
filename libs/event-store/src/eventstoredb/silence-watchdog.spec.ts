import { isSilent, type SilenceCheck } from './silence-watchdog';

const check = (wait: number | undefined, lastReceived: bigint | undefined, head: bigint | undefined): SilenceCheck => ({
  wait,
  lastReceived,
  head,
});

describe('isSilent', () => {
  it('given the first check, says nothing yet', () => {
    expect(isSilent(undefined, check(1, 100n, 500n))).toBe(false);
  });

  it('given the same wait at two checks, and the head already beyond the last event received at the first, is silent', () => {
    expect(isSilent(check(3, 100n, 500n), check(3, 100n, 500n))).toBe(true);
  });

  it('given nothing received yet and an event in $all, waiting through two checks, is silent', () => {
    expect(isSilent(check(1, undefined, 40n), check(1, undefined, 40n))).toBe(true);
  });

  it('given an idle store, the head at the last event received, is not silent however long it waits', () => {
    expect(isSilent(check(3, 500n, 500n), check(3, 500n, 500n))).toBe(false);
  });

  it('given an empty store, is not silent', () => {
    expect(isSilent(check(1, undefined, undefined), check(1, undefined, undefined))).toBe(false);
  });

  it('given an event that arrived between the checks (a new wait), is not silent', () => {
    expect(isSilent(check(3, 100n, 500n), check(4, 500n, 700n))).toBe(false);
  });

  it('given a consumer busy with what it has (not waiting on the server), is not silent', () => {
    expect(isSilent(check(undefined, 100n, 500n), check(undefined, 100n, 500n))).toBe(false);
    expect(isSilent(check(3, 100n, 500n), check(undefined, 100n, 500n))).toBe(false);
  });

  it('given the head moved only after the first check, waits one more check', () => {
    expect(isSilent(check(3, 500n, 500n), check(3, 500n, 700n))).toBe(false);
    expect(isSilent(check(3, 500n, 700n), check(3, 500n, 700n))).toBe(true);
  });
});
