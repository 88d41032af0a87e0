import { RedisLinkState } from './redis-link-state';

describe('RedisLinkState', () => {
  it('given Redis answering, says nothing however often the probe answers', () => {
    const state = new RedisLinkState();
    expect([state.probeAnswered(1), state.probeAnswered(2)]).toEqual([undefined, undefined]);
    expect(state.answering).toBe(true);
  });

  it('given an outage, says once that Redis is lost and once that it is back, counting the connection errors between', () => {
    const state = new RedisLinkState();
    const said = [
      state.probeFailed('connect ECONNREFUSED 127.0.0.1:42001', 1000),
      ...Array.from({ length: 300 }, () => (state.connectionFailed(), state.probeFailed('connect ECONNREFUSED 127.0.0.1:42001', 1500))),
      state.probeAnswered(16_000),
      state.probeAnswered(17_000),
    ].filter((change) => change !== undefined);
    expect(said).toEqual([
      { kind: 'lost', why: 'connect ECONNREFUSED 127.0.0.1:42001' },
      { kind: 'back', downForMs: 15_000, connectionErrors: 300 },
    ]);
  });

  it('counts only the errors of the outage it reports', () => {
    const state = new RedisLinkState();
    state.connectionFailed(); // before the probe found Redis away
    state.probeFailed('Command timed out', 0);
    state.connectionFailed();
    expect(state.probeAnswered(10)).toEqual({ kind: 'back', downForMs: 10, connectionErrors: 1 });
  });
});
