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
});
