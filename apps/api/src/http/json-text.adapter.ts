import { createHash } from 'node:crypto';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';
import { JsonText } from '@case-journey/projections';

/** What Express's `res.type('application/json')` then `res.send(text)` set, written as it ends up. */
const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * Express as Nest drives it, except that an answer already serialised (`JsonText`: worklist items
 * as Redis keeps them, cached compliance figures) is sent as its text, with its ETag when it has
 * one, instead of being parsed and serialised again. It goes as its bytes, encoded once per answer,
 * under the Content-Type Express would give it: given a string, Express looks the type up, parses it
 * back to add the charset, and encodes the text again, on every send.
 */
export class JsonTextExpressAdapter extends ExpressAdapter {
  /** The weak ETag of each answer sent without one of its own, worked out once however often the same answer is sent (a kept worklist page). */
  private readonly weakTags = new WeakMap<JsonText, string>();

  constructor() {
    super();
    this.getInstance().set('etag', weakTag);
  }

  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    if (!(body instanceof JsonText)) return super.reply(response, body, statusCode);
    if (statusCode) response.status(statusCode);
    response.setHeader('Content-Type', JSON_UTF8);
    response.setHeader('ETag', body.etag ?? this.weakTagOf(body));
    return response.send(body.bytes);
  }

  private weakTagOf(body: JsonText): string {
    let tag = this.weakTags.get(body);
    if (tag === undefined) this.weakTags.set(body, (tag = weakTag(body.text)));
    return tag;
  }
}

/**
 * Express's ETag for an answer without one of its own: the `etag` package's weak tag (length and
 * SHA-1) is cut to one SHA-1 pass with no length computed over the body.
 */
function weakTag(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}
