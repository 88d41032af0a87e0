import { ApiProperty } from '@nestjs/swagger';
import type { JobState } from 'bullmq';
import { PROJECTION_NAMES, REBUILD_PHASES, type RebuildPhase, type RebuildProgress, type RebuildResult, type RebuildStatus } from '@case-journey/projections';
import { JOB_STATES } from '../http/job-state.response';

export class RebuildProgressDto implements RebuildProgress {
  @ApiProperty({ enum: PROJECTION_NAMES })
  projection!: string;

  @ApiProperty({ enum: REBUILD_PHASES })
  phase!: RebuildPhase;

  @ApiProperty()
  fromVersion!: number;

  @ApiProperty()
  toVersion!: number;

  @ApiProperty({ type: String, nullable: true, description: "The new version's checkpoint" })
  position!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The log's end" })
  head!: string | null;
}

export class RebuildResultDto implements RebuildResult {
  @ApiProperty({ enum: PROJECTION_NAMES })
  projection!: string;

  @ApiProperty()
  fromVersion!: number;

  @ApiProperty()
  toVersion!: number;

  @ApiProperty({ description: "The old version's keys dropped" })
  keysDropped!: number;
}

/** POST /projections/{name}/rebuild and GET /projections/rebuilds/{jobId}. */
export class RebuildStatusDto implements RebuildStatus {
  @ApiProperty()
  jobId!: string;

  @ApiProperty({ enum: PROJECTION_NAMES })
  projection!: string;

  @ApiProperty({ enum: JOB_STATES })
  state!: JobState | 'unknown';

  @ApiProperty({ type: RebuildProgressDto, nullable: true })
  progress!: RebuildProgressDto | null;

  @ApiProperty({ type: RebuildResultDto, nullable: true, description: 'Once completed' })
  result!: RebuildResultDto | null;

  @ApiProperty({ type: String, nullable: true })
  failedReason!: string | null;
}
