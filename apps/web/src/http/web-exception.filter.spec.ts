import type { ArgumentsHost } from '@nestjs/common';
import { ApiProblem, ApiUnreachable } from '../api/api-client';
import { WebExceptionFilter } from './web-exception.filter';
import type { WebPages } from './web-pages';

/** What the filter sent: the page's status and the error page's model. */
function pageFor(exception: unknown): { status: number; model: { title: string; detail: string } } {
  const sent: Array<{ status: number; model: { title: string; detail: string } }> = [];
  const pages = { send: (_request: unknown, _response: unknown, _template: string, model: { title: string; detail: string }, status: number) => sent.push({ status, model }) } as unknown as WebPages;
  const host = { switchToHttp: () => ({ getRequest: () => ({ method: 'GET', originalUrl: '/worklist', session: {} }), getResponse: () => ({}) }) } as unknown as ArgumentsHost;
  new WebExceptionFilter(pages).catch(exception, host);
  return sent[0];
}

describe('a failure as a page', () => {
  it('given the API unreachable, says the service is unavailable (503) rather than that something went wrong here', () => {
    expect(pageFor(new ApiUnreachable(false, new TypeError('fetch failed')))).toEqual({
      status: 503,
      model: expect.objectContaining({ title: 'Sorry, the service is unavailable', detail: 'The case journey service could not be reached. Try again in a few minutes.' }),
    });
  });

  it('given the API too slow, says so (504)', () => {
    expect(pageFor(new ApiUnreachable(true, new DOMException('timed out', 'TimeoutError')))).toMatchObject({ status: 504, model: { detail: 'The case journey service took too long to answer. Try again in a few minutes.' } });
  });

  it("given the API's own failure, a bad gateway (502); given its refusal, the API's words with its status", () => {
    expect(pageFor(new ApiProblem(500, { detail: 'stack trace' }))).toMatchObject({ status: 502, model: { detail: 'The case journey service did not answer as it should. Try again later.' } });
    expect(pageFor(new ApiProblem(403, { detail: 'case-progression may not read audit' }))).toMatchObject({ status: 403, model: { title: 'You cannot see or do this', detail: 'case-progression may not read audit' } });
  });
});
