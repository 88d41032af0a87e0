import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, ApiProblem, ApiUnreachable } from './api-client';

/** An API stand-in on a free port: `answer` decides what each request gets (nothing, to hang). */
async function serve(answer: (respond: (status: number, body: string) => void) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => answer((status, body) => response.writeHead(status, { 'content-type': 'application/json' }).end(body)));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the API client of the web pages', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
    }
  });

  it('given an API that does not answer within its timeout, gives up and says it took too long', async () => {
    const { url, server } = await serve(() => undefined);
    servers.push(server);
    const failure = await new ApiClient(url, 'token', 200).get('cases').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiUnreachable);
    expect(failure).toMatchObject({ timedOut: true, message: 'The case journey service took too long to answer' });
  });

  it('given nothing listening, says the API could not be reached', async () => {
    const { url, server } = await serve(() => undefined);
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
    await expect(new ApiClient(url, 'token', 5000).get('cases')).rejects.toMatchObject({ timedOut: false, message: 'The case journey service could not be reached' });
  });

  it('given an answer of the API, however bad, passes it on as the API said it', async () => {
    const { url, server } = await serve((respond) => respond(503, JSON.stringify({ status: 503, detail: 'Redis is away' })));
    servers.push(server);
    const failure = await new ApiClient(url, 'token', 5000).get('cases').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiProblem);
    expect(failure).toMatchObject({ status: 503, message: 'Redis is away' });
  });
});
