import { ConfigurationError, environmentOf, loadConfiguration } from './app-configuration';

describe('loadConfiguration', () => {
  it('gives the single-machine defaults when nothing is set', () => {
    const configuration = loadConfiguration({});
    expect(configuration).toMatchObject({ port: 3000, eventStore: 'embedded', redisUrl: 'redis://127.0.0.1:6379', writeRetries: 5 });
  });

  it('reads the environment variables and converts numbers', () => {
    const configuration = loadConfiguration({ PORT: '8080', EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://a:2113?tls=false', WRITE_RETRIES: '2' });
    expect(configuration).toMatchObject({ port: 8080, eventStore: 'eventstoredb', eventStoreConnectionString: 'esdb://a:2113?tls=false', writeRetries: 2 });
  });

  it('reads the Redis key prefix and the notification webhook, which needs a secret', () => {
    expect(loadConfiguration({})).toMatchObject({ redisKeyPrefix: 'cj' });
    expect(loadConfiguration({}).notificationWebhookUrl).toBeUndefined();
    const configuration = loadConfiguration({ REDIS_KEY_PREFIX: 'cj-test', NOTIFICATION_WEBHOOK_URL: 'https://hooks.example/cj', NOTIFICATION_WEBHOOK_SECRET: 'a-long-shared-secret' });
    expect(configuration).toMatchObject({ redisKeyPrefix: 'cj-test', notificationWebhookUrl: 'https://hooks.example/cj', notificationWebhookSecret: 'a-long-shared-secret' });
    expect(() => loadConfiguration({ NOTIFICATION_WEBHOOK_URL: 'https://hooks.example/cj' })).toThrow(/NOTIFICATION_WEBHOOK_SECRET: must be set/);
    expect(() => loadConfiguration({ NOTIFICATION_WEBHOOK_URL: 'ftp://hooks.example', NOTIFICATION_WEBHOOK_SECRET: 'a-long-shared-secret' })).toThrow(/NOTIFICATION_WEBHOOK_URL: must be an http\(s\) URL/);
    expect(() => loadConfiguration({ REDIS_KEY_PREFIX: 'cj:x' })).toThrow(/REDIS_KEY_PREFIX/);
  });

  it('reads how the EventStoreDB adapter rides out faults, defaulting to the adapter\'s own defaults', () => {
    expect(loadConfiguration({})).toMatchObject({
      eventStoreRetryInitialMs: 200,
      eventStoreRetryMaxMs: 10_000,
      eventStoreOperationAttempts: 4,
      eventStoreSilenceCheckMs: 15_000,
    });
    const configuration = loadConfiguration({
      EVENTSTORE_RETRY_INITIAL_MS: '50',
      EVENTSTORE_RETRY_MAX_MS: '2000',
      EVENTSTORE_OPERATION_ATTEMPTS: '2',
      EVENTSTORE_SILENCE_CHECK_MS: '0',
    });
    expect(configuration).toMatchObject({ eventStoreRetryInitialMs: 50, eventStoreRetryMaxMs: 2000, eventStoreOperationAttempts: 2, eventStoreSilenceCheckMs: 0 });
    expect(() => loadConfiguration({ EVENTSTORE_OPERATION_ATTEMPTS: '0' })).toThrow(/EVENTSTORE_OPERATION_ATTEMPTS: /);
    expect(() => loadConfiguration({ EVENTSTORE_RETRY_INITIAL_MS: 'soon' })).toThrow(/EVENTSTORE_RETRY_INITIAL_MS: /);
    expect(() => loadConfiguration({ EVENTSTORE_SILENCE_CHECK_MS: '-1' })).toThrow(/EVENTSTORE_SILENCE_CHECK_MS: /);
  });

  it("judges the Victims' Code cases in the projection's own thread unless told a number of judge threads, and refuses none or a fraction", () => {
    expect(loadConfiguration({}).victimsCodeJudges).toBe(1);
    expect(loadConfiguration({ VICTIMS_CODE_JUDGES: '2' }).victimsCodeJudges).toBe(2);
    expect(() => loadConfiguration({ VICTIMS_CODE_JUDGES: '0' })).toThrow(/VICTIMS_CODE_JUDGES: /);
    expect(() => loadConfiguration({ VICTIMS_CODE_JUDGES: '1.5' })).toThrow(/VICTIMS_CODE_JUDGES: /);
  });

  it('keeps 32 MiB of timeline text per API process unless told otherwise, none at 0, and refuses what is not a whole number', () => {
    expect(loadConfiguration({}).keptTimelinesMb).toBe(32);
    expect(loadConfiguration({ KEPT_TIMELINES_MB: '0' }).keptTimelinesMb).toBe(0);
    expect(loadConfiguration({ KEPT_TIMELINES_MB: '256' }).keptTimelinesMb).toBe(256);
    expect(() => loadConfiguration({ KEPT_TIMELINES_MB: 'plenty' })).toThrow(/KEPT_TIMELINES_MB: /);
    expect(() => loadConfiguration({ KEPT_TIMELINES_MB: '-1' })).toThrow(/KEPT_TIMELINES_MB: /);
  });

  it('keeps 50,000 events of folded cases per API process unless told otherwise, none at 0, and refuses what is not a whole number', () => {
    expect(loadConfiguration({}).foldedEventsKept).toBe(50_000);
    expect(loadConfiguration({ FOLDED_EVENTS_KEPT: '0' }).foldedEventsKept).toBe(0);
    expect(loadConfiguration({ FOLDED_EVENTS_KEPT: '400000' }).foldedEventsKept).toBe(400_000);
    expect(() => loadConfiguration({ FOLDED_EVENTS_KEPT: 'lots' })).toThrow(/FOLDED_EVENTS_KEPT: /);
    expect(() => loadConfiguration({ FOLDED_EVENTS_KEPT: '-5' })).toThrow(/FOLDED_EVENTS_KEPT: /);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfiguration({ PORT: 'eighty', EVENT_STORE: 'eventstoredb', REDIS_URL: 'localhost' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.join('\n');
    expect(problems).toMatch(/^PORT: port must be an integer number \(got "eighty"\)$/m); // the text as set, not what it became
    expect(problems).toMatch(/^EVENTSTORE_CONNECTION_STRING: must be an esdb:\/\/ connection string/m);
    expect(problems).toMatch(/^REDIS_URL: /m);
    expect(problems).not.toMatch(/^EVENT_STORE: /m);
  });

  it('takes the earliest day a handoff may be dated, 1 January 1990 unless set, and refuses one that is not a date', () => {
    expect(loadConfiguration({}).earliestHandoffDate).toBe('1990-01-01');
    expect(loadConfiguration({ EARLIEST_HANDOFF_DATE: '1970-01-01' }).earliestHandoffDate).toBe('1970-01-01');
    expect(() => loadConfiguration({ EARLIEST_HANDOFF_DATE: '1990-02-30' })).toThrow(/EARLIEST_HANDOFF_DATE: must be a real calendar date/);
    expect(() => loadConfiguration({ EARLIEST_HANDOFF_DATE: '1 Jan 1990' })).toThrow(/EARLIEST_HANDOFF_DATE: must be a date as YYYY-MM-DD/);
  });

  it('refuses to run in production without the master key that wraps the victim keys, and never repeats a secret in its message', () => {
    expect(() => loadConfiguration({ NODE_ENV: 'production' })).toThrow(/^ {2}PERSONAL_DATA_MASTER_KEY: must be set when NODE_ENV=production/m);
    const masterKey = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfiguration({ NODE_ENV: 'production', PERSONAL_DATA_MASTER_KEY: masterKey })).toMatchObject({ environment: 'production', personalDataMasterKey: masterKey });
    expect(loadConfiguration({}).personalDataMasterKey).toBeUndefined();

    const tooShort = Buffer.alloc(16, 7).toString('base64');
    let message = '';
    try {
      loadConfiguration({ PERSONAL_DATA_MASTER_KEY: tooShort });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PERSONAL_DATA_MASTER_KEY: must be 32 bytes in base64/);
    expect(message).not.toContain(tooShort);
  });

  it('keeps personal data six years after a case closes unless told otherwise', () => {
    expect(loadConfiguration({}).retentionYears).toBe(6);
    expect(loadConfiguration({ PERSONAL_DATA_RETENTION_YEARS: '7' }).retentionYears).toBe(7);
    expect(() => loadConfiguration({ PERSONAL_DATA_RETENTION_YEARS: '0' })).toThrow(/PERSONAL_DATA_RETENTION_YEARS/);
  });
});

describe('loadConfiguration: sign-in and hardening', () => {
  it('reads the issuer, audience, claim names, CORS origins and rate limit', () => {
    const configuration = loadConfiguration({
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
      OIDC_AUDIENCE: 'api://case-journey',
      OIDC_ROLES_CLAIM: 'roles',
      CORS_ORIGINS: 'https://web.example, https://board.example',
      RATE_LIMIT_PER_MINUTE: '120',
      RATE_LIMIT_STORE: 'memory',
    });
    expect(configuration).toMatchObject({
      oidcIssuer: 'https://login.microsoftonline.com/tenant/v2.0',
      oidcAudience: 'api://case-journey',
      corsOrigins: ['https://web.example', 'https://board.example'],
      rateLimitPerMinute: 120,
      rateLimitStore: 'memory',
    });
    expect(loadConfiguration({}).corsOrigins).toBeUndefined();
  });

  it('accepts the dev provider outside production, and refuses it (or any http or loopback issuer) in production', () => {
    const production = { NODE_ENV: 'production', PERSONAL_DATA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };
    expect(loadConfiguration({ OIDC_ISSUER: 'http://127.0.0.1:9400' }).oidcIssuer).toBe('http://127.0.0.1:9400');
    for (const issuer of ['http://127.0.0.1:9400', 'https://localhost:9400/', 'http://idp.example', 'https://127.0.0.1']) {
      expect(() => loadConfiguration({ ...production, OIDC_ISSUER: issuer })).toThrow(/OIDC_ISSUER: must be the https URL of a real identity provider in production/);
    }
    expect(() => loadConfiguration({ ...production, OIDC_ISSUER: 'https://idp.example', OIDC_JWKS_URL: 'http://127.0.0.1:9400/jwks' })).toThrow(/OIDC_JWKS_URL/);
    expect(loadConfiguration({ ...production, OIDC_ISSUER: 'https://login.microsoftonline.com/t/v2.0' }).oidcIssuer).toBe('https://login.microsoftonline.com/t/v2.0');
  });

  it('names a bad origin list, rate limit or claim name', () => {
    expect(() => loadConfiguration({ CORS_ORIGINS: 'web.example' })).toThrow(/CORS_ORIGINS: must be comma-separated http\(s\) origins/);
    expect(() => loadConfiguration({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfiguration({ OIDC_AREAS_CLAIM: 'has space' })).toThrow(/OIDC_AREAS_CLAIM: must be a claim name/);
  });
});

describe('environmentOf', () => {
  it('gives the variables that load the same configuration again, lists and numbers as their text', () => {
    const configuration = loadConfiguration({ DATA_DIR: '/srv/data', CORS_ORIGINS: 'https://a.example, https://b.example', JOB_LOCK_MS: '2000', REDIS_KEY_PREFIX: 'cj-x' });
    const env = environmentOf(configuration);
    expect(env).toMatchObject({ DATA_DIR: '/srv/data', CORS_ORIGINS: 'https://a.example,https://b.example', JOB_LOCK_MS: '2000', REDIS_KEY_PREFIX: 'cj-x' });
    expect(loadConfiguration(env)).toEqual(configuration);
  });
});
