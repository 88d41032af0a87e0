import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { JsonText } from '@case-journey/projections';
import { JsonTextExpressAdapter } from './json-text.adapter';

function sentHeaders(adapter: JsonTextExpressAdapter, body: JsonText): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = { status: () => response, type: () => response, setHeader: (name: string, value: string) => (headers[name] = value), send: () => response };
  adapter.reply(response as unknown as Response, body);
  return headers;
}

describe('answers already serialised', () => {
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
