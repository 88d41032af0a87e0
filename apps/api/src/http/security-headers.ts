import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Step = { set: [name: string, value: string] } | { remove: string };

/**
 * Helmet's default headers, worked out once: its defaults name no per-request function (no CSP
 * nonce), so Helmet gives every response the same headers, but its twelve middlewares run in turn for each
 * request and the Content-Security-Policy is joined and checked again every time. Helmet is run
 * once on a stand-in response at start-up, and each request is given what it did, in its order.
 */
export function securityHeaders(): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void {
  const steps: Step[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => steps.push({ set: [name, String(value)] }),
    removeHeader: (name: string) => steps.push({ remove: name }),
  };
  let failed: unknown;
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => (failed = error));
  if (failed) throw failed;
  return (_request, response, next) => {
    for (const step of steps) {
      if ('set' in step) response.setHeader(step.set[0], step.set[1]);
      else response.removeHeader(step.remove);
    }
    next();
  };
}
