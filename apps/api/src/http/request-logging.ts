import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/** A caller's own request id is kept when it is a plain token (so ids can be followed across systems); otherwise one is made. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && CALLER_REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured logs through pino (nestjs-pino): one line per request with its id, status and time,
 * and every line logged while a request is handled carries the same `reqId`. Tokens and cookies are
 * never written.
 */
export const RequestLoggingModule = {
  forRoot(level: string): DynamicModule {
    return LoggerModule.forRoot({
      pinoHttp: {
        level,
        genReqId: requestIdOf,
        customAttributeKeys: { reqId: 'requestId' },
        redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
        serializers: {
          req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url }),
        },
        customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
      },
    });
  },
};
