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
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Injectable, Module, NotFoundException, OnApplicationShutdown, Param, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Database from 'better-sqlite3';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import Redis from 'ioredis';
import { CONTACT_CHANNELS, INFORMATION_TOPICS } from '@case-journey/domain';

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
  constructor(private readonly stores: Stores) {}

  @Post('cases/:id/events')
  @HttpCode(201)
  record(@Param('id') caseId: string, @Body() body: HandoffBody): { caseId: string; eventId: string; position: number } {
    const eventId = randomUUID();
    const { lastInsertRowid } = this.stores.insert.run(`case-${caseId}`, eventId, JSON.stringify(body));
    return { caseId, eventId, position: Number(lastInsertRowid) };
  }

  /** Timeline, worklist and compliance alike: the product's answer, seeded under `baseline:{name}`. */
  @Get('read/:name')
  async read(@Param('name') name: string): Promise<Record<string, string>> {
    const hash = await this.stores.redis.hgetall(`baseline:${name}`);
    if (Object.keys(hash).length === 0) throw new NotFoundException();
    return hash;
  }
}

@Module({ controllers: [BaselineController], providers: [Stores] })
class BaselineModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BaselineModule, { logger: ['error'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.BASELINE_PORT ?? 0), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
