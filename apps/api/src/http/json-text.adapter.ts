import { createHash } from 'node:crypto';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';
import { JsonText } from '@case-journey/projections';

/**
 * Express as Nest drives it, except that an answer already serialised (`JsonText`: worklist items
 * as Redis keeps them, cached compliance figures) is sent as its text, with its ETag when it has
 * one, instead of being parsed and serialised again.
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
    response.type('application/json');
    response.setHeader('ETag', body.etag ?? this.weakTagOf(body));
    return response.send(body.text);
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
