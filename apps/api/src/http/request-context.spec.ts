import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { PinoLogger } from 'nestjs-pino';
import { pinoHttp } from 'pino-http';
import { currentRequestId, withRequestContext } from './request-context';
import { assignRequestId, requestLogOptions } from './request-logging';

describe('the request context', () => {
  let lines: Array<Record<string, unknown>>;
  let server: Server;
  let seen: { requestId: string | undefined } | undefined;

  beforeEach(async () => {
    lines = [];
    const destination = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
    const logger = new PinoLogger({ pinoHttp: [requestLogOptions('info'), destination] });
    const app = express();
    app.use(assignRequestId, pinoHttp(requestLogOptions('info'), destination), withRequestContext);
    app.get('/cases/:id', async (_request, response) => {
      // Later turns of the event loop, as a handler's awaits would be.
      await new Promise((resolve) => setTimeout(resolve, 1));
      await Promise.resolve();
      logger.info('looking the case up');
      seen = { requestId: currentRequestId() };
      response.end();
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
  });

  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("gives the handler the request's id and nestjs-pino the request's logger, across awaits", async () => {
    const { port } = server.address() as AddressInfo;

    await (await fetch(`http://127.0.0.1:${port}/cases/42`, { headers: { 'x-request-id': 'trace-4711' } })).text();

    expect(seen).toEqual({ requestId: 'trace-4711' });
    expect(lines[0]).toMatchObject({ requestId: 'trace-4711', msg: 'looking the case up' });
  });

  it('knows no request id outside a request', () => {
    expect(currentRequestId()).toBeUndefined();
  });
});
