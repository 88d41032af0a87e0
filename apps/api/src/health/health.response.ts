import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROJECTION_NAMES, type ProjectionLag } from '@case-journey/projections';

export class ProjectionLagDto implements ProjectionLag {
  @ApiProperty({ enum: PROJECTION_NAMES })
  projection!: string;

  @ApiProperty({ description: 'The version of its keys readers use' })
  version!: number;

  @ApiProperty({ type: String, nullable: true, description: 'The log position it has applied up to' })
  checkpoint!: string | null;

  @ApiProperty()
  eventsApplied!: number;

  @ApiProperty({ description: 'Events stored after the checkpoint, counted up to a limit' })
  events!: number;

  @ApiProperty({ description: 'True when the count stopped at its limit' })
  eventsAtLeast!: boolean;

  @ApiProperty({ description: 'Between when the last applied event and the last stored event were stored; 0 when caught up' })
  seconds!: number;
}

export class CatchingUpDto {
  @ApiProperty({ enum: PROJECTION_NAMES })
  projection!: string;

  @ApiProperty({ description: 'The log position the log had reached when the replay began' })
  until!: string;
}

/** GET /health: 200 when ok, 503 (with Retry-After) when degraded. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status!: 'ok' | 'degraded';

  @ApiProperty({ example: 'embedded', description: 'Which event store: embedded or EventStoreDB' })
  eventStore!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: "The log's last position; null while it is empty" })
  lastPosition?: string | null;

  @ApiPropertyOptional({ type: [CatchingUpDto], description: 'Projections being replayed from the start of the log (Redis lost its data, or a first start)' })
  catchingUpFromTheStart?: CatchingUpDto[];

  @ApiPropertyOptional({ type: [ProjectionLagDto] })
  projections?: ProjectionLagDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
    description: 'Jobs of each queue by state',
    example: { deadlines: { waiting: 0, active: 0, delayed: 12, failed: 0 } },
  })
  queues?: Record<string, Record<string, number>>;

  @ApiPropertyOptional({ description: 'Degraded: why the readings could not be taken' })
  problem?: string;
}

/** GET /health/live. */
export class LivenessDto {
  @ApiProperty({ enum: ['live'] })
  status!: 'live';
}

/** GET /health/ready: 200 when ready, 503 (with Retry-After) naming what does not answer. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ready', 'not-ready'] })
  status!: 'ready' | 'not-ready';

  @ApiProperty({ description: '`ok`, or why the event store does not answer' })
  eventStore!: string;

  @ApiProperty({ description: '`ok`, or why Redis does not answer' })
  redis!: string;
}
