import { TEST_AUDIENCE, TestIssuer } from './testing/test-issuer';
import { TokenVerifier } from './token-verifier';

describe('TokenVerifier, remembering the tokens it verified', () => {
  let issuer: TestIssuer;
  let verifier: TokenVerifier;
  const start = Date.now();

  beforeEach(async () => {
    issuer = await TestIssuer.start();
    verifier = new TokenVerifier({ issuer: issuer.issuer, audience: TEST_AUDIENCE });
    // Only the clock is ours: jose and the issuer's HTTP server keep their real timers.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
    jest.setSystemTime(start);
  });

  afterEach(async () => {
    jest.useRealTimers();
    await issuer.stop();
  });

  it('given a token verified once, when it is sent again, then it names the same principal', async () => {
    const token = await issuer.token({ subject: 'wcu.patel', roles: ['witness-care'], agency: 'WCU', areas: ['Wessex'] });
    const first = await verifier.verify(token);
    const again = await verifier.verify(token);
    expect(first).toEqual({ ok: true, principal: expect.objectContaining({ subject: 'wcu.patel', roles: ['witness-care'], areas: ['Wessex'] }) });
    expect(again).toEqual(first);
  });

  it('given a remembered token, when its expiry passes sooner than the remembering would end, then it is refused as expired', async () => {
    // Expires 10 s from now; 20 s later it is past expiry and the 5 s clock tolerance, but inside the 30 s a verified token is remembered.
    const token = await issuer.token({ subject: 'wcu.patel', roles: ['witness-care'] }, { expiresIn: 10 });
    expect((await verifier.verify(token)).ok).toBe(true);
    jest.setSystemTime(start + 20_000);
    expect(await verifier.verify(token)).toEqual({ ok: false, problem: 'the token has expired' });
  });

  it('given a refused token, when it is sent again, then it is refused again', async () => {
    const token = await issuer.token({ subject: 'wcu.patel' }, { audience: 'api://someone-else' });
    const problem = { ok: false, problem: expect.stringContaining('aud') };
    expect(await verifier.verify(token)).toEqual(problem);
    expect(await verifier.verify(token)).toEqual(problem);
  });
});
