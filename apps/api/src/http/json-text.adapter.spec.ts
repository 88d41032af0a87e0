import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { JsonText } from '@case-journey/projections';
import { JsonTextExpressAdapter } from './json-text.adapter';

function sent(adapter: JsonTextExpressAdapter, body: JsonText): { headers: Record<string, string>; sentBody: unknown } {
  const headers: Record<string, string> = {};
  let sentBody: unknown;
  const response = { status: () => response, setHeader: (name: string, value: string) => (headers[name] = value), send: (given: unknown) => ((sentBody = given), response) };
  adapter.reply(response as unknown as Response, body);
  return { headers, sentBody };
}

const sentHeaders = (adapter: JsonTextExpressAdapter, body: JsonText) => {
  const { 'Content-Type': _type, ...headers } = sent(adapter, body).headers;
  return headers;
};

describe('answers already serialised', () => {
  it('given an answer, sends its text as UTF-8 bytes typed as Express types JSON text, the same bytes each time it is sent', () => {
    const adapter = new JsonTextExpressAdapter();
    const answer = new JsonText('{"name":"Zoë"}', '"kept"');
    const first = sent(adapter, answer);
    expect(first.headers['Content-Type']).toBe('application/json; charset=utf-8');
    // ë is C3 AB in UTF-8.
    expect(first.sentBody).toEqual(Buffer.concat([Buffer.from('{"name":"Zo', 'ascii'), Buffer.from([0xc3, 0xab]), Buffer.from('"}', 'ascii')]));
    expect(sent(adapter, answer).sentBody).toBe(first.sentBody);
  });

  it('given an answer with its own ETag, sends that one', () => {
    expect(sentHeaders(new JsonTextExpressAdapter(), new JsonText('{"a":1}', '"kept"'))).toEqual({ ETag: '"kept"' });
  });

  it('given the same answer without one sent twice, sends Express-style weak ETags of its text, the same both times', () => {
    const adapter = new JsonTextExpressAdapter();
    const answer = new JsonText('{"items":[]}');
    const expected = `W/"${createHash('sha1').update('{"items":[]}').digest('base64url')}"`;
    expect(sentHeaders(adapter, answer)).toEqual({ ETag: expected });
    expect(sentHeaders(adapter, answer)).toEqual({ ETag: expected });
  });
});
