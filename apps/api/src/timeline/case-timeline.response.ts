import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, CASE_EVENT_TYPES, type Agency, type CaseEventType } from '@case-journey/domain';
import type { AgencyActivity, AgencyStint, Amendment, CaseTimeline, RetractedEntry, TimelineEntry, WaitingOn } from '@case-journey/projections';

export class AmendmentDto implements Amendment {
  @ApiProperty({ description: 'The correction' })
  eventId!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

/** An event as a case's answers name it: which, of what type, by whom, when it happened. */
export class CaseEventRefDto {
  @ApiProperty()
  eventId!: string;

  @ApiProperty({ enum: CASE_EVENT_TYPES })
  type!: CaseEventType;

  @ApiProperty({ enum: AGENCIES })
  agency!: Agency;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
}

export class TimelineEntryDto extends CaseEventRefDto implements TimelineEntry {
  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the receiving agency received it, where that was recorded' })
  receivedAt!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Business time since the entry before, in ms; null for the first' })
  sincePreviousMs!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The same in London calendar days (0 on the same day)' })
  sincePreviousCalendarDays!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The same in working days' })
  sincePreviousWorkingDays!: number | null;

  @ApiProperty({ description: 'Recorded after something that happened later: placed by when it happened' })
  arrivedLate!: boolean;

  @ApiProperty({ enum: AGENCIES, nullable: true, description: 'The agency holding the next step once this happened; null when the case is closed' })
  handsTo!: Agency | null;

  @ApiProperty({ description: 'Whether it began a new step, rather than leaving the case where it was' })
  passesOn!: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data as corrected, without victims' sealed details" })
  data!: object;

  @ApiProperty({ type: [AmendmentDto], description: 'Corrections applied to it, in the order recorded' })
  amendments!: AmendmentDto[];
}

export class AgencyActivityDto implements AgencyActivity {
  @ApiProperty({ enum: AGENCIES })
  agency!: Agency;

  @ApiProperty()
  events!: number;

  @ApiProperty({ format: 'date-time' })
  first!: string;

  @ApiProperty({ format: 'date-time' })
  last!: string;

  @ApiProperty({ type: [String] })
  eventIds!: string[];
}

export class AgencyStintDto implements AgencyStint {
  @ApiProperty({ enum: AGENCIES })
  agency!: Agency;

  @ApiProperty({ description: 'The step it held: investigation, file review, charging decision, listing, hearing…' })
  step!: string;

  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it passed the case on; null while it still holds it' })
  until!: string | null;

  @ApiProperty()
  durationMs!: number;

  @ApiProperty()
  durationCalendarDays!: number;

  @ApiProperty()
  durationWorkingDays!: number;

  @ApiProperty({ description: 'The event that gave it the step' })
  startedBy!: string;
}

export class WaitingOnStepDto implements WaitingOn {
  @ApiProperty({ enum: AGENCIES })
  agency!: Agency;

  @ApiProperty({ description: 'The step it holds' })
  step!: string;

  @ApiProperty({ format: 'date-time' })
  since!: string;

  @ApiProperty()
  forMs!: number;

  @ApiProperty()
  forCalendarDays!: number;

  @ApiProperty()
  forWorkingDays!: number;

  @ApiProperty({ enum: CASE_EVENT_TYPES, description: 'The handoff that gave it the next step' })
  after!: CaseEventType;
}

export class RetractedEntryDto implements RetractedEntry {
  @ApiProperty()
  eventId!: string;

  @ApiProperty({ enum: CASE_EVENT_TYPES })
  type!: CaseEventType;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ description: 'The retraction' })
  retractedBy!: string;
}

/** GET /cases/{id}/timeline. */
export class CaseTimelineDto implements CaseTimeline {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ type: String, nullable: true })
  area!: string | null;

  @ApiProperty({ type: String, nullable: true })
  urn!: string | null;

  @ApiProperty({ type: String, format: 'date-time', required: false, description: 'The instant read as of, when one was asked for' })
  asOf?: string;

  @ApiProperty({ type: [TimelineEntryDto], description: 'In the order they happened' })
  entries!: TimelineEntryDto[];

  @ApiProperty({ type: [AgencyActivityDto] })
  byAgency!: AgencyActivityDto[];

  @ApiProperty({ type: [AgencyStintDto], description: 'Who held the next step, for how long' })
  stints!: AgencyStintDto[];

  @ApiProperty({ type: WaitingOnStepDto, nullable: true, description: 'Who holds the next step now; null when closed' })
  waitingOn!: WaitingOnStepDto | null;

  @ApiProperty({ type: [RetractedEntryDto] })
  retracted!: RetractedEntryDto[];
}
