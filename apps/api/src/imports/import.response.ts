import { ApiProperty } from '@nestjs/swagger';
import { ProblemDto } from '../http/problem.response';
import { IMPORT_FORMATS, IMPORT_STATES, type ImportFormat, type ImportState } from './import-journal';
import type { ImportProgress } from './get-import/get-import.handler';
import type { RejectedLine } from './import-run';
import type { ImportAccepted } from './start-import/start-import.handler';

/** POST /imports: the file is stored and its job queued. */
export class ImportAcceptedDto implements ImportAccepted {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['queued'] })
  state!: 'queued';

  @ApiProperty({ example: '/imports/0b6b…', description: 'Where its progress is read (also Location)' })
  status!: string;

  @ApiProperty({ example: '/imports/0b6b…/rejections', description: 'Where its rejected lines are read' })
  rejections!: string;
}

/** GET /imports/{id}. */
export class ImportProgressDto implements ImportProgress {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: IMPORT_STATES })
  state!: ImportState;

  @ApiProperty({ enum: IMPORT_FORMATS })
  format!: ImportFormat;

  @ApiProperty()
  fileName!: string;

  @ApiProperty({ type: String, nullable: true })
  sourceSystem!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The CSV mapping read through' })
  mapping!: string | null;

  @ApiProperty({ description: 'Validated only, nothing stored' })
  dryRun!: boolean;

  @ApiProperty()
  linesRead!: number;

  @ApiProperty()
  accepted!: number;

  @ApiProperty({ description: 'Already stored: nothing new stored' })
  replayed!: number;

  @ApiProperty()
  rejected!: number;

  @ApiProperty()
  bytesRead!: number;

  @ApiProperty()
  bytesTotal!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Lines per second since it started' })
  linesPerSecond!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'At the pace so far, the seconds left' })
  secondsLeft!: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  error!: string | null;
}

/** A line of GET /imports/{id}/rejections as NDJSON: the line refused, why, and the line as sent. */
export class RejectedLineDto implements RejectedLine {
  @ApiProperty({ description: "The line's number in the file" })
  line!: number;

  @ApiProperty({ type: ProblemDto, description: 'The problem document the API answers for that request' })
  problem!: ProblemDto;

  @ApiProperty({ description: 'The line as sent, to fix and send again' })
  text!: string;
}
