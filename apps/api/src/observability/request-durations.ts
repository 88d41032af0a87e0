import type { NextFunction, Request, Response } from 'express';
import type { ServiceMetrics } from '@case-journey/platform';

/** Requests no route answered (refused before routing, or unknown paths) share one label, so paths never become labels. */
export const UNROUTED = '(unrouted)';

/** Times every request into `http_request_duration_seconds`, labelled by the route's pattern, never its concrete path. */
export function timeRequests(metrics: ServiceMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const end = metrics.httpRequestDuration.startTimer();
    response.once('finish', () => {
      const pattern = (request.route as { path?: unknown } | undefined)?.path;
      const route = typeof pattern === 'string' ? `${request.baseUrl}${pattern}` : UNROUTED;
      end({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  };
}
