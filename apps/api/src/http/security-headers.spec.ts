import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { securityHeaders } from './security-headers';

const appWith = (middleware: express.RequestHandler) => express().use(middleware).get('/', (_request, response) => void response.send('ok'));

describe('securityHeaders', () => {
  it("gives every response Helmet's own headers, and takes X-Powered-By off as Helmet does", async () => {
    const ours = await request(appWith(securityHeaders())).get('/').expect(200);
    const helmets = await request(appWith(helmet())).get('/').expect(200);
    const securityOf = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !['date', 'etag', 'content-length', 'connection', 'keep-alive'].includes(name)));
    expect(securityOf(ours.headers)).toEqual(securityOf(helmets.headers));
    expect(ours.headers['x-powered-by']).toBeUndefined();
    expect(ours.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer', 'x-xss-protection': '0' });
    expect(ours.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('gives the same headers to each of several responses', async () => {
    const app = appWith(securityHeaders());
    const [first, second] = [await request(app).get('/'), await request(app).get('/')];
    expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    expect(second.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
