import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-case-journey-signature';
export const TIMESTAMP_HEADER = 'x-case-journey-timestamp';
export const DELIVERY_HEADER = 'x-case-journey-delivery';

/**
 * `sha256=` and the hex HMAC-SHA256, under the shared secret, of `{timestamp}.{body}`: the
 * receiver recomputes it to know the call is ours and the body untouched, and refuses old
 * timestamps so a captured call cannot be replayed later.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function isValidWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
