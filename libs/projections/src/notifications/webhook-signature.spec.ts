import { createHmac } from 'node:crypto';
import { isValidWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhookSignature', () => {
  const body = '{"id":"breach/c/v/R4.referral/e"}';

  it('is the hex HMAC-SHA256 of the timestamp and the body under the secret', () => {
    const expected = createHmac('sha256', 'shh').update(`1700000000000.${body}`).digest('hex');
    expect(webhookSignature('shh', '1700000000000', body)).toBe(`sha256=${expected}`);
  });

  it('is recognised with the same secret, timestamp and body, and with nothing else changed', () => {
    const signature = webhookSignature('shh', '1700000000000', body);
    expect(isValidWebhookSignature('shh', '1700000000000', body, signature)).toBe(true);
    expect(isValidWebhookSignature('other', '1700000000000', body, signature)).toBe(false);
    expect(isValidWebhookSignature('shh', '1700000000001', body, signature)).toBe(false);
    expect(isValidWebhookSignature('shh', '1700000000000', `${body} `, signature)).toBe(false);
  });
});
