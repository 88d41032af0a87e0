import type { Request, Response } from 'express';
import { refuseUnfitRequestText } from './request-text';
import { RequestValidationError } from './request-validation.error';

const CASE_PATH = '/cases/6f9619ff-8b86-4011-b42d-00c04fc964ff/events';

/** What the middleware passes on to `next` for a request of this path, query and headers. */
function passedOn(path: string, query: Record<string, unknown> = {}, headers: Record<string, unknown> = {}): unknown {
  let passed: unknown = 'next not called';
  refuseUnfitRequestText({ path, query, headers } as unknown as Request, {} as Response, (error?: unknown) => {
    passed = error;
  });
  return passed;
}

const faultsOf = (passed: unknown) => (passed as RequestValidationError).errors;

describe('refusing request text no store can hold (paths, query parameters, headers)', () => {
  it('given a request whose path, query and headers are all fit text, when checked, then it is passed on untouched', () => {
    const passed = passedOn(CASE_PATH, { agency: 'WCU', status: ['breached', 'due-soon'] }, { authorization: `Bearer ${'e'.repeat(900)}`, 'x-forwarded-for': ['a', 'b'] });

    expect(passed).toBeUndefined();
  });

  it('given path segments with and without percent-encoding, when checked, then each is judged as decoded', () => {
    expect(passedOn('/cases/caf%C3%A9/events')).toBeUndefined();
    expect(faultsOf(passedOn('/cases/%00/events'))).toEqual([{ field: 'path', messages: ['path must not contain a NUL character (\\u0000)'] }]);
    expect(faultsOf(passedOn('/cases/%ED%A0%80/events'))).toEqual([{ field: 'path', messages: ['path must be percent-encoded UTF-8'] }]);
    expect(faultsOf(passedOn('/cases/%zz/events'))).toEqual([{ field: 'path', messages: ['path must be percent-encoded UTF-8'] }]);
    expect(faultsOf(passedOn('/cases/a\ud800b/events'))).toEqual([{ field: 'path', messages: ['path must be well-formed Unicode: it holds half of a surrogate pair alone'] }]);
  });

  it('given unfit text in a query name, a repeated query value and a repeated header, when checked, then each is named, and nested values are left to the route', () => {
    const passed = passedOn('/worklists', { 'a\u0000': 'x', status: ['due-soon', 'x\ud800'], nested: { deeper: '\u0000' } }, { 'x-note': ['fine', 'bad\u0000'], 'idempotency-key': 'k\udfff' });

    expect(faultsOf(passed)).toEqual([
      { field: 'query', messages: ['query must not contain a NUL character (\\u0000)'] },
      { field: 'status', messages: ['status must be well-formed Unicode: it holds half of a surrogate pair alone'] },
      { field: 'x-note', messages: ['x-note must not contain a NUL character (\\u0000)'] },
      { field: 'idempotency-key', messages: ['idempotency-key must be well-formed Unicode: it holds half of a surrogate pair alone'] },
    ]);
  });
});
