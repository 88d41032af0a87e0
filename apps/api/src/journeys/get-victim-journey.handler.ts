import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { withinAreas } from '@case-journey/access';
import { CLOCK, type Clock } from '@case-journey/platform';
import { ObligationsReader, victimJourneyAsOf, type VictimJourneyView } from '@case-journey/projections';
import { WorkingDayCalendar } from '@case-journey/victims-code';
import { caseStreamAsOf, pastInstant } from '../cases/as-of/case-as-of';
import { CaseStreamRepository } from '../cases/case-stream.repository';
import { VictimErasedError } from '../victims/victim-errors';
import { GetVictimJourneyQuery } from './get-victim-journey.query';

@QueryHandler(GetVictimJourneyQuery)
export class GetVictimJourneyHandler implements IQueryHandler<GetVictimJourneyQuery, VictimJourneyView> {
  private readonly calendar = new WorkingDayCalendar();

  constructor(
    private readonly obligations: ObligationsReader,
    private readonly cases: CaseStreamRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ caseId, victimId, areas, asOf: asked }: GetVictimJourneyQuery): Promise<VictimJourneyView> {
    const asOf = pastInstant(asked, this.clock.now());
    if (asOf) return this.journeyAsOf(caseId, victimId, areas, asOf);
    const journey = await this.obligations.victimJourney(caseId, victimId);
    if (journey && withinAreas(areas, journey.area)) return journey;
    // An erased victim is told apart from an unknown one only to a caller who may see the case.
    const erasedAt = journey ? undefined : await this.obligations.erasureOf(caseId, victimId);
    if (erasedAt && withinAreas(areas, (await this.obligations.caseReading(caseId))?.area)) throw new VictimErasedError(caseId, victimId, erasedAt);
    throw new NotFoundException(`No victim ${victimId} on case ${caseId}`);
  }

  /** Judged from the event store as recorded by `asOf`: exact whatever the projection holds. */
  private async journeyAsOf(caseId: string, victimId: string, areas: readonly string[] | undefined, asOf: Date): Promise<VictimJourneyView> {
    const { wholeStream } = await caseStreamAsOf(this.cases, caseId, asOf, areas);
    const journey = victimJourneyAsOf(caseId, victimId, wholeStream.events, asOf, this.calendar);
    if (journey === 'erased') {
      const erasure = wholeStream.events.find((event) => event.type === 'VictimDataErased' && event.data.victimId === victimId)!;
      throw new VictimErasedError(caseId, victimId, erasure.metadata.occurredAt);
    }
    if (journey === null) throw new NotFoundException(`No victim ${victimId} on case ${caseId} at ${asOf.toISOString()}`);
    return journey;
  }
}
