import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy, ValidateIf, validateSync } from 'class-validator';
import { DEFAULT_RESILIENCE } from '@case-journey/event-store';

export const EVENT_STORE_KINDS = ['embedded', 'eventstoredb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** A whole-number setting read from its environment variable's text, from `min` up to `max` (when given). */
function WholeNumber(min: number, max?: number): PropertyDecorator {
  return (target, property) => {
    Transform(toInt)(target, property);
    IsInt()(target, property);
    Min(min)(target, property);
    if (max !== undefined) Max(max)(target, property);
  };
}

/** Every setting the apps read, with the environment variable it comes from. */
export const ENVIRONMENT_VARIABLES = {
  port: 'PORT',
  apiProcesses: 'API_PROCESSES',
  host: 'HOST',
  dataDirectory: 'DATA_DIR',
  eventStore: 'EVENT_STORE',
  eventStoreConnectionString: 'EVENTSTORE_CONNECTION_STRING',
  eventStoreRetryInitialMs: 'EVENTSTORE_RETRY_INITIAL_MS',
  eventStoreRetryMaxMs: 'EVENTSTORE_RETRY_MAX_MS',
  eventStoreOperationAttempts: 'EVENTSTORE_OPERATION_ATTEMPTS',
  eventStoreSilenceCheckMs: 'EVENTSTORE_SILENCE_CHECK_MS',
  redisUrl: 'REDIS_URL',
  environment: 'NODE_ENV',
  personalDataMasterKey: 'PERSONAL_DATA_MASTER_KEY',
  retentionYears: 'PERSONAL_DATA_RETENTION_YEARS',
  writeRetries: 'WRITE_RETRIES',
  redisKeyPrefix: 'REDIS_KEY_PREFIX',
  redisReadTimeoutMs: 'REDIS_READ_TIMEOUT_MS',
  keptTimelinesMb: 'KEPT_TIMELINES_MB',
  foldedEventsKept: 'FOLDED_EVENTS_KEPT',
  victimsCodeJudges: 'VICTIMS_CODE_JUDGES',
  redisLossCheckMs: 'REDIS_LOSS_CHECK_MS',
  jobLockMs: 'JOB_LOCK_MS',
  jobStalledCheckMs: 'JOB_STALLED_CHECK_MS',
  historicalBreachHours: 'HISTORICAL_BREACH_HOURS',
  notificationWebhookUrl: 'NOTIFICATION_WEBHOOK_URL',
  notificationWebhookSecret: 'NOTIFICATION_WEBHOOK_SECRET',
  oidcIssuer: 'OIDC_ISSUER',
  oidcAudience: 'OIDC_AUDIENCE',
  oidcJwksUrl: 'OIDC_JWKS_URL',
  oidcJwksCooldownSeconds: 'OIDC_JWKS_COOLDOWN_SECONDS',
  oidcRolesClaim: 'OIDC_ROLES_CLAIM',
  oidcAgencyClaim: 'OIDC_AGENCY_CLAIM',
  oidcAreasClaim: 'OIDC_AREAS_CLAIM',
  oidcSourceSystemsClaim: 'OIDC_SOURCE_SYSTEMS_CLAIM',
  corsOrigins: 'CORS_ORIGINS',
  rateLimitPerMinute: 'RATE_LIMIT_PER_MINUTE',
  rateLimitStore: 'RATE_LIMIT_STORE',
  logLevel: 'LOG_LEVEL',
  earliestHandoffDate: 'EARLIEST_HANDOFF_DATE',
  chromiumPath: 'CHROMIUM_PATH',
  importMaxFileBytes: 'IMPORT_MAX_FILE_BYTES',
  importMaxLineBytes: 'IMPORT_MAX_LINE_BYTES',
  reportSnapshotWorkingDays: 'REPORT_SNAPSHOT_WORKING_DAYS',
  workerMetricsPort: 'WORKER_METRICS_PORT',
  projectionLeaseMs: 'PROJECTION_LEASE_MS',
  workerMetricsHost: 'WORKER_METRICS_HOST',
} as const satisfies Record<keyof AppConfiguration, string>;

export const RATE_LIMIT_STORES = ['redis', 'memory'] as const;
export type RateLimitStore = (typeof RATE_LIMIT_STORES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter((item) => item !== '') : value;
/** An issuer fit for production: https, and not on this machine (which is where the dev provider runs). */
const REAL_ISSUER = /^https:\/\/(?!(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$))\S+$/;
const REAL_ISSUER_MESSAGE = 'must be the https URL of a real identity provider in production: the dev provider (or any http or loopback issuer) is refused';
const RealIssuerInProduction = () =>
  ValidateBy({
    name: 'realIssuerInProduction',
    validator: {
      validate: (value, args) => (args?.object as AppConfiguration).environment !== 'production' || typeof value !== 'string' || REAL_ISSUER.test(value),
      defaultMessage: () => REAL_ISSUER_MESSAGE,
    },
  });
const CLAIM_NAME = /^[A-Za-z0-9_.:/-]+$/;

export class AppConfiguration {
  @WholeNumber(0, 65535)
  port = 3000;

  @IsString()
  @IsNotEmpty()
  host = '127.0.0.1';

  /** API processes sharing the port (node:cluster); 0 means one per core. 1 runs the API in this process alone. */
  @WholeNumber(0, 256)
  apiProcesses = 0;

  @IsString()
  @IsNotEmpty()
  dataDirectory = './data';

  @IsIn(EVENT_STORE_KINDS)
  eventStore: EventStoreKind = 'embedded';

  @ValidateIf((c: AppConfiguration) => c.eventStore === 'eventstoredb' || c.eventStoreConnectionString !== undefined)
  @Matches(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\/\S+$/, { message: 'must be an esdb:// connection string' })
  eventStoreConnectionString?: string;

  /** EventStoreDB: the first wait before retrying an operation or resubscribing; each next wait doubles. */
  @WholeNumber(1, 60_000)
  eventStoreRetryInitialMs = DEFAULT_RESILIENCE.retryInitialDelayMs;

  /** EventStoreDB: the longest wait between two attempts. */
  @WholeNumber(1, 600_000)
  eventStoreRetryMaxMs = DEFAULT_RESILIENCE.retryMaxDelayMs;

  /** EventStoreDB: attempts of one append or read on "not leader" or an unreachable node, the first included. */
  @WholeNumber(1, 20)
  eventStoreOperationAttempts = DEFAULT_RESILIENCE.operationAttempts;

  /** EventStoreDB: how often a waiting subscription is compared with the head of $all; 0 turns the watchdog off. */
  @WholeNumber(0, 3_600_000)
  eventStoreSilenceCheckMs = DEFAULT_RESILIENCE.silenceCheckMs;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  redisUrl = 'redis://127.0.0.1:6379';

  /** `production` turns off what only a developer's machine may do without (an unwrapped key file, the dev identity provider). */
  @IsString()
  @IsNotEmpty()
  environment = 'development';

  /** Wraps the victims' data keys at rest; kept outside the data directory, so a copy of it unseals nothing. */
  @ValidateIf((c: AppConfiguration) => c.environment === 'production' || c.personalDataMasterKey !== undefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`' })
  @IsNotEmpty({ message: 'must be set when NODE_ENV=production: the victim key file would otherwise sit unwrapped beside the events' })
  personalDataMasterKey?: string;

  /** Years after a case closes that its victims' personal data is kept before the retention job erases it. */
  @WholeNumber(1, 100)
  retentionYears = 6;

  /** How often the server retries its own non-conditional write after a concurrency conflict. */
  @WholeNumber(0, 50)
  writeRetries = 5;

  /** The largest import file accepted, in bytes (as sent: a gzip file counts compressed). 2 GiB by default. */
  @WholeNumber(1)
  importMaxFileBytes = 2 * 1024 ** 3;

  /** The longest line of an import, in bytes; a longer line is refused (and the import goes on). 1 MiB: a single request's body limit. */
  @WholeNumber(64)
  importMaxLineBytes = 1024 ** 2;

  /** Namespace of every key the projections, notifications and queues keep in Redis. */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must be letters, digits, - or _' })
  redisKeyPrefix = 'cj';

  /** How long a route that reads Redis waits for it before answering 503 with Retry-After. */
  @WholeNumber(50, 60_000)
  redisReadTimeoutMs = 1000;

  /** How many MiB of timeline text (counted in characters) each API process keeps to answer a re-read of an unchanged case; 0 keeps none. */
  @WholeNumber(0, 4096)
  keptTimelinesMb = 32;

  /**
   * How many events of folded cases each API process keeps, least recently loaded forgotten first: a write to a kept
   * case reads and folds only the events after it, one to a case not kept reads and folds the whole case. 0 keeps none.
   */
  @WholeNumber(0, 10_000_000)
  foldedEventsKept = 50_000;

  /** Worker: how many threads judge the Victims' Code projection's cases, each owning a share of them; 1 judges them in the projection's own thread. */
  @WholeNumber(1, 16)
  victimsCodeJudges = 1;

  /** How often the worker checks that Redis still holds each projection's pointer and checkpoint (lost: it rebuilds them). */
  @WholeNumber(100, 600_000)
  redisLossCheckMs = 1000;

  /** BullMQ lock of a deadline or webhook job: a crashed worker's job is taken over once it lapses. */
  @WholeNumber(1000, 600_000)
  jobLockMs = 5000;

  /** How often a worker looks for deadline or webhook jobs whose lock lapsed (their worker died). */
  @WholeNumber(500, 600_000)
  jobStalledCheckMs = 3000;

  /** A breach whose deadline had passed this many hours before the worker first saw it is listed as historical and not pushed to the webhook. */
  @WholeNumber(0, 24 * 366)
  historicalBreachHours = 24;

  /** Where breach notifications are POSTed (signed with the secret), if anywhere. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  notificationWebhookUrl?: string;

  @ValidateIf((c: AppConfiguration) => c.notificationWebhookUrl !== undefined || c.notificationWebhookSecret !== undefined)
  @IsString()
  @MinLength(16, { message: 'must be set, at least 16 characters, when NOTIFICATION_WEBHOOK_URL is' })
  notificationWebhookSecret?: string;

  /** The OpenID issuer whose tokens the API accepts (Entra ID: https://login.microsoftonline.com/{tenant}/v2.0). The API will not start without it. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @RealIssuerInProduction()
  oidcIssuer?: string;

  /** The audience (`aud`) a token must name: this API's identifier at the issuer. */
  @IsString()
  @IsNotEmpty()
  oidcAudience = 'api://case-journey';

  /** Where the issuer publishes its keys; read from its discovery document when unset. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @RealIssuerInProduction()
  oidcJwksUrl?: string;

  /** The least time between two fetches of the key set when tokens name a key id it does not hold (a rotation, or a forgery). */
  @WholeNumber(0, 3600)
  oidcJwksCooldownSeconds = 30;

  @Matches(CLAIM_NAME, { message: 'must be a claim name' })
  oidcRolesClaim = 'roles';

  @Matches(CLAIM_NAME, { message: 'must be a claim name' })
  oidcAgencyClaim = 'agency';

  @Matches(CLAIM_NAME, { message: 'must be a claim name' })
  oidcAreasClaim = 'areas';

  @Matches(CLAIM_NAME, { message: 'must be a claim name' })
  oidcSourceSystemsClaim = 'source_systems';

  /** Origins a browser may call the API from (comma-separated); CORS is off when unset. */
  @IsOptional()
  @Transform(toList)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'must be comma-separated http(s) origins' })
  corsOrigins?: string[];

  /** Requests each caller (token subject, or address without one) may make per minute. */
  @WholeNumber(1)
  rateLimitPerMinute = 600;

  /** Where the rate limiter counts: Redis, shared by every API process (default), or this process's memory. */
  @IsIn(RATE_LIMIT_STORES)
  rateLimitStore: RateLimitStore = 'redis';

  @IsIn(LOG_LEVELS)
  logLevel = 'info';

  /** A handoff's instants before this day (00:00 UTC) are refused as implausible: keying errors such as 0000-01-01. */
  // Checked nearest-first: a text that is no date at all is told so, not that it is not a real one.
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  earliestHandoffDate = '1990-01-01';

  /** The Chromium that prints board packs: Debian's, which `.ci/run` and `npm start` install. */
  @Matches(/^\//, { message: 'must be an absolute path' })
  chromiumPath = '/usr/bin/chromium';

  /** Working days after a month closes at which its report figures are frozen (a record stored later is late for the month). */
  @WholeNumber(0, 60)
  reportSnapshotWorkingDays = 5;

  /** Where the worker serves /metrics, /health/live and /health/ready (no token: keep it on the internal network); 0 picks a free port. */
  @WholeNumber(0, 65535)
  workerMetricsPort = 9464;

  @IsString()
  @IsNotEmpty()
  workerMetricsHost = '127.0.0.1';

  /**
   * The longest a projection goes without a runner after its worker dies: each projection has one
   * owner among the worker processes, through a lease in Redis that lives three quarters of this and
   * is renewed, and looked for by the others, every quarter.
   */
  @WholeNumber(400, 600_000)
  projectionLeaseMs = 10_000;
}

/** Settings whose value an error message must never repeat: it would end up in logs. */
const SECRETS = new Set<string>(['personalDataMasterKey', 'notificationWebhookSecret'] satisfies Array<keyof AppConfiguration>);

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads and validates the configuration; every bad variable is named in one error. */
/**
 * The environment variables that load this configuration again (`loadConfiguration(environmentOf(c))`
 * gives the same settings): how a process hands its settings to a process it starts.
 */
export function environmentOf(configuration: AppConfiguration): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, variable] of Object.entries(ENVIRONMENT_VARIABLES)) {
    const value: unknown = configuration[key as keyof AppConfiguration];
    if (value !== undefined && value !== null) env[variable] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return env;
}

export function loadConfiguration(env: NodeJS.ProcessEnv = process.env): AppConfiguration {
  const raw: Record<string, unknown> = {};
  for (const [key, variable] of Object.entries(ENVIRONMENT_VARIABLES)) {
    if (env[variable] !== undefined && env[variable] !== '') raw[key] = env[variable];
  }
  const configuration = plainToInstance(AppConfiguration, raw);
  const problems = validateSync(configuration, { stopAtFirstError: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map(
      (message) =>
        `${ENVIRONMENT_VARIABLES[error.property as keyof AppConfiguration]}: ${message} (${error.value === undefined ? 'not set' : `got ${SECRETS.has(error.property) ? 'a value not shown' : JSON.stringify(raw[error.property] ?? error.value)}`})`,
    ),
  );
  if (problems.length > 0) throw new ConfigurationError(problems);
  return configuration;
}
