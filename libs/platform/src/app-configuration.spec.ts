import { ConfigurationError, loadConfiguration } from './app-configuration';

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

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfiguration({ PORT: 'eighty', EVENT_STORE: 'eventstoredb', REDIS_URL: 'localhost' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const problems = (error as ConfigurationError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
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
