/**
 * The comparison benchmark's yardstick (issue 14): a bare NestJS 11 app doing only what a request
 * of the product cannot avoid. A write is validated by class-validator (the same envelope and
 * contact fields as a `VictimInformed` handoff) and inserted as one SQLite row (WAL,
 * synchronous=NORMAL, as the embedded store runs); a read is one Redis HGETALL of a hash seeded
 * with the product's own answer for that read, so both send the same bytes. No sign-in, no rate
 * limit, no headers, no logging: whatever the product spends above this is its overhead.
 *
 * Run as a process of its own by test/bench/compare.bench.ts:
 *   BASELINE_PORT=… BASELINE_SQLITE=/tmp/….sqlite REDIS_URL=redis://127.0.0.1:… node -r @swc-node/register test/bench/baseline/baseline-app.ts
 *
 * The floor (`bench:request-cpu --floor`): BASELINE_LAYERS=access,rate-limit,log,helmet,audit adds the
 * layers the product's issues require, each the product's own class or package, so that what they
 * cost on their own is measured apart from the product's use cases: `access` the AccessGuard (bearer
 * token verified by the product's TokenVerifier, remembered once verified, and the policy table),
 * `rate-limit` the product's per-caller ThrottlerGuard on its Redis storage
 * (@nest-lab/throttler-storage-redis), `log` nestjs-pino with the product's request log (pino-http, each request's id bound to its logger),
 * `helmet` the product's security headers, `audit` the product's access audit (`recordAccess`, in the
 * handler as the product's worklist runs it) appending each worklist page to an audit log in an
 * embedded event store (`BASELINE_AUDIT_DIR`). With any layer the
 * API's settings (OIDC_ISSUER, RATE_LIMIT_PER_MINUTE, …) are read from the environment as the API reads
 * them. Worklist pages are asked at `pages/:name`, the only audited route.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Injectable, Module, NotFoundException, OnApplicationShutdown, Optional, Param, Post, Req, ValidationPipe, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Logger } from 'nestjs-pino';
import Database from 'better-sqlite3';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import Redis from 'ioredis';
import { AUDIT_LOG, type AuditLog, type Principal } from '@case-journey/access';
import { CONTACT_CHANNELS, INFORMATION_TOPICS } from '@case-journey/domain';
import { SqliteEventStore } from '@case-journey/event-store';
import { CLOCK, EventStoreAuditLog, loadConfiguration, systemClock, type AppConfiguration, type Clock } from '@case-journey/platform';
import { AccessGuard } from '../../../apps/api/src/access/access.guard';
import { Requires } from '../../../apps/api/src/access/requires.decorator';
import { TokenVerifier } from '../../../apps/api/src/access/token-verifier';
import { recordAccess } from '../../../apps/api/src/audit/access-audit.interceptor';
import type { AuditedAccess, AuditedRequest } from '../../../apps/api/src/audit/audited.decorator';
import { PerCallerThrottlerGuard, rateLimitOptions, SharedRateLimitStorage } from '../../../apps/api/src/http/rate-limit';
import { assignRequestId, REQUEST_LOG, RequestLoggingModule, type RequestLog } from '../../../apps/api/src/http/request-logging';
import { securityHeaders } from '../../../apps/api/src/http/security-headers';

const FLOOR_LAYERS = ['access', 'rate-limit', 'log', 'helmet', 'audit'] as const;
const LAYERS = new Set((process.env.BASELINE_LAYERS ?? '').split(',').filter(Boolean));
for (const layer of LAYERS) if (!(FLOOR_LAYERS as readonly string[]).includes(layer)) throw new Error(`BASELINE_LAYERS: unknown layer ${layer} (known: ${FLOOR_LAYERS.join(', ')})`);
if (LAYERS.has('audit') && !LAYERS.has('access')) throw new Error('BASELINE_LAYERS: audit names the caller the access layer identifies, so it needs access');
const configuration: AppConfiguration | undefined = LAYERS.size > 0 ? loadConfiguration() : undefined;

/** The case ids a seeded worklist page shows, read once per page (the product reads them off the page as it stores it). */
const pageCaseIds = new Map<string, string[]>();
function caseIdsOf(name: string, answer: Record<string, string>): string[] {
  let ids = pageCaseIds.get(name);
  if (!ids) {
    const page = JSON.parse(answer.body ?? '{}') as { items?: Array<{ caseId: string }> };
    ids = (page.items ?? []).map((item) => item.caseId);
    pageCaseIds.set(name, ids);
  }
  return ids;
}
const PAGE_READ: AuditedAccess<Record<string, string>> = { action: 'worklist-read', accessOf: (request, answer) => ({ caseIds: caseIdsOf(request.params.name, answer) }) };

class ContactData {
  @IsUUID() victimId!: string;
  @IsIn(INFORMATION_TOPICS) topic!: string;
  @IsIn(CONTACT_CHANNELS) channel!: string;
}

class HandoffBody {
  @IsIn(['VictimInformed']) type!: string;
  @IsDateString({ strict: true }) occurredAt!: string;
  @IsOptional() @IsDateString({ strict: true }) receivedAt?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) agency?: string;
  @IsString() @IsNotEmpty() @MaxLength(100) sourceSystem!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) sourceReference!: string;
  @IsObject() @ValidateNested() @Type(() => ContactData) data!: ContactData;
}

@Injectable()
class Stores implements OnApplicationShutdown {
  readonly sqlite = new Database(process.env.BASELINE_SQLITE ?? ':memory:');
  readonly redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  readonly insert;

  constructor() {
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = NORMAL');
    this.sqlite.exec('CREATE TABLE IF NOT EXISTS events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, event_id TEXT NOT NULL UNIQUE, data TEXT NOT NULL)');
    this.insert = this.sqlite.prepare('INSERT INTO events (stream_id, event_id, data) VALUES (?, ?, ?)');
  }

  async onApplicationShutdown(): Promise<void> {
    this.sqlite.close();
    await this.redis.quit();
  }
}

@Controller()
class BaselineController {
  constructor(
    private readonly stores: Stores,
    @Optional() @Inject(AUDIT_LOG) private readonly audit?: AuditLog,
    @Optional() @Inject(CLOCK) private readonly clock?: Clock,
  ) {}

  @Post('cases/:id/events')
  @Requires('case:record-handoff')
  @HttpCode(201)
  record(@Param('id') caseId: string, @Body() body: HandoffBody): { caseId: string; eventId: string; position: number } {
    const eventId = randomUUID();
    const { lastInsertRowid } = this.stores.insert.run(`case-${caseId}`, eventId, JSON.stringify(body));
    return { caseId, eventId, position: Number(lastInsertRowid) };
  }

  /** Timeline, worklist and compliance alike: the product's answer, seeded under `baseline:{name}`. */
  @Get('read/:name')
  @Requires('case:read')
  read(@Param('name') name: string): Promise<Record<string, string>> {
    return this.seeded(name);
  }

  /** A worklist page, with the floor's `audit` layer the product's audited read. */
  @Get('pages/:name')
  @Requires('worklist:read')
  async page(@Param('name') name: string, @Req() request: AuditedRequest & { principal?: Principal }): Promise<Record<string, string>> {
    const page = await this.seeded(name);
    if (this.audit && this.clock) await recordAccess(this.audit, this.clock, PAGE_READ, request, page);
    return page;
  }

  private async seeded(name: string): Promise<Record<string, string>> {
    const hash = await this.stores.redis.hgetall(`baseline:${name}`);
    if (Object.keys(hash).length === 0) throw new NotFoundException();
    return hash;
  }
}

/** The baseline with the floor layers BASELINE_LAYERS names (none: the bare app). */
function baselineModule(settings: AppConfiguration | undefined): DynamicModule {
  const imports: DynamicModule[] = [];
  const providers: Provider[] = [Stores];
  if (settings && LAYERS.has('access')) providers.push({ provide: TokenVerifier, useValue: TokenVerifier.fromConfiguration(settings) }, { provide: APP_GUARD, useClass: AccessGuard });
  if (settings && LAYERS.has('rate-limit')) {
    const storage = SharedRateLimitStorage.fromConfiguration(settings);
    imports.push(ThrottlerModule.forRoot(rateLimitOptions(settings, storage)));
    providers.push({ provide: APP_GUARD, useClass: PerCallerThrottlerGuard }, { provide: 'rate-limit-storage', useValue: storage });
  }
  if (settings && LAYERS.has('log')) imports.push(RequestLoggingModule.forRoot(settings.logLevel));
  if (LAYERS.has('audit')) {
    const store = SqliteEventStore.open({ dataDirectory: process.env.BASELINE_AUDIT_DIR ?? '/tmp/cj-baseline-audit' });
    providers.push({ provide: AUDIT_LOG, useValue: new EventStoreAuditLog(store) }, { provide: CLOCK, useValue: systemClock }, { provide: 'audit-store', useValue: { onApplicationShutdown: () => store.close() } });
  }
  return { module: BaselineModule, imports, controllers: [BaselineController], providers };
}

@Module({})
class BaselineModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(baselineModule(configuration), LAYERS.has('log') ? { bufferLogs: true } : { logger: ['error'] });
  if (LAYERS.has('log')) {
    app.useLogger(app.get(Logger));
    app.use(assignRequestId);
    app.use(app.get<RequestLog>(REQUEST_LOG));
  }
  if (LAYERS.has('helmet')) app.use(securityHeaders());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.BASELINE_PORT ?? 0), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
