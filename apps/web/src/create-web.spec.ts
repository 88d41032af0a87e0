import { createWeb } from './create-web';
import { SessionRedis } from './http/session';
import { loadWebConfiguration } from './web-configuration';

describe('the web app closing', () => {
  it('given a web app that has served, when it is closed, then its sessions connection to Redis is closed with it', async () => {
    // Neither the API nor the issuer is asked anything here: ports 1 and 2 answer nothing.
    const web = await createWeb(loadWebConfiguration({ REDIS_URL: process.env.REDIS_URL, WEB_PORT: '0', API_URL: 'http://127.0.0.1:1', OIDC_ISSUER: 'http://127.0.0.1:2', OIDC_AUDIENCE: 'case-journey', REDIS_KEY_PREFIX: 'cjtest-web-close' }));
    await web.listen(0, '127.0.0.1');
    const redis = web.get(SessionRedis).client;
    await expect(redis.ping()).resolves.toBe('PONG');

    await web.close();
    // QUIT is answered before the socket closes: the connection ends just after (never, and the test times out).
    if (redis.status !== 'end') await new Promise((resolve) => redis.once('end', resolve));
    expect(redis.status).toBe('end');
  });
});
