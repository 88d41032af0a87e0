import type { ArgumentsHost } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import { CaseNotFoundError } from '../cases/case-errors';
import { ProblemDetailsFilter } from './problem-details.filter';
import { assignRequestId, requestLogOptions } from './request-logging';

type Line = Record<string, unknown>;

describe('the problem document filter, on a failure', () => {
  let lines: Line[];
  let server: Server;
  let failure: unknown;

  const hostOf = (request: Request, response: Response) => ({ switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) }) as unknown as ArgumentsHost;

  beforeEach(async () => {
    lines = [];
    const app = express();
    app.use(assignRequestId, pinoHttp(requestLogOptions('info'), { write: (line: string) => void lines.push(JSON.parse(line) as Line) }));
    app.get('/cases/:id', async (request, response) => {
      await Promise.resolve(); // a later turn of the event loop, as a handler's awaits would be
      new ProblemDetailsFilter().catch(failure, hostOf(request, response));
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
  });

  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = async () => {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/cases/42`, { headers: { 'x-request-id': 'trace-4711' } });
    const body = (await response.json()) as Line;
    for (let waited = 0; !lines.some((line) => line.res) && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 10));
    return { status: response.status, body };
  };

  it("logs an unexpected failure through the request's logger, so the line carries the request's id", async () => {
    failure = new Error('the fold met an event it does not know');

    const answer = await send();

    expect(answer).toEqual({ status: 500, body: expect.objectContaining({ status: 500, requestId: 'trace-4711' }) });
    expect(JSON.stringify(answer.body)).not.toContain('fold');
    const failureLine = lines.find((line) => line.context === 'ProblemDetailsFilter');
    expect(failureLine).toMatchObject({ level: 50, requestId: 'trace-4711', msg: 'the fold met an event it does not know', err: { type: 'Error', message: 'the fold met an event it does not know', stack: expect.stringContaining('Error: the fold met') } });
  });

  it('logs nothing of its own for a failure the caller caused', async () => {
    failure = new CaseNotFoundError('CASE-42');

    const answer = await send();

    expect(answer).toEqual({ status: 404, body: expect.objectContaining({ status: 404, requestId: 'trace-4711' }) });
    expect(lines).toEqual([expect.objectContaining({ requestId: 'trace-4711', res: { statusCode: 404 } })]);
  });
});
