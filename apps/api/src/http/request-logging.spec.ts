import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pinoHttp } from 'pino-http';
import { assignRequestId, requestLogOptions } from './request-logging';

type Line = Record<string, unknown>;
type Handler = (request: IncomingMessage & { log: { info(text: string): void } }, response: ServerResponse) => void;

describe('the request log', () => {
  let lines: Line[];
  let server: Server;
  let handle: Handler;

  beforeEach(async () => {
    lines = [];
    const logRequest = pinoHttp(requestLogOptions('info'), { write: (line: string) => void lines.push(JSON.parse(line) as Line) });
    server = createServer((request, response) => assignRequestId(request, response, () => logRequest(request, response, () => handle(request as Parameters<Handler>[0], response))));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = async (path: string, method = 'GET') => {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'x-request-id': 'trace-4711' } });
    await response.text();
    // The closing line is written once the response has finished, which the client may see first.
    for (let waited = 0; !lines.some((line) => line.res) && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it("closes each request with one line: its id, method and path, status and time taken", async () => {
    handle = (_request, response) => response.writeHead(201).end();

    await send('/cases/42/events?x=1', 'POST');

    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 30,
      time: expect.any(Number),
      pid: process.pid,
      hostname: expect.any(String),
      requestId: 'trace-4711',
      req: { id: 'trace-4711', method: 'POST', url: '/cases/42/events?x=1' },
      res: { statusCode: 201 },
      responseTime: expect.any(Number),
      msg: 'request completed',
    });
  });

  it('gives a line logged while handling the request its id alone, not the request again', async () => {
    handle = (request, response) => {
      request.log.info('looking the case up');
      response.end();
    };

    await send('/cases/42');

    expect(lines[0]).toEqual({ level: 30, time: expect.any(Number), pid: process.pid, hostname: expect.any(String), requestId: 'trace-4711', msg: 'looking the case up' });
    expect(lines[1]).toMatchObject({ requestId: 'trace-4711', req: { id: 'trace-4711', method: 'GET', url: '/cases/42' }, res: { statusCode: 200 } });
  });

  it('logs a server failure as an error, with the request it failed', async () => {
    handle = (_request, response) => response.writeHead(503).end();

    await send('/health');

    expect(lines[0]).toMatchObject({ level: 50, requestId: 'trace-4711', req: { id: 'trace-4711', method: 'GET', url: '/health' }, res: { statusCode: 503 }, err: { message: 'failed with status code 503' }, msg: 'request errored' });
  });
});
