import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { withinAreas } from '@case-journey/access';
import { ObligationsReader, type VictimJourneyView } from '@case-journey/projections';
import { VictimErasedError } from '../victims/victim-errors';
import { GetVictimJourneyQuery } from './get-victim-journey.query';

@QueryHandler(GetVictimJourneyQuery)
export class GetVictimJourneyHandler implements IQueryHandler<GetVictimJourneyQuery, VictimJourneyView> {
  constructor(private readonly obligations: ObligationsReader) {}

  async execute({ caseId, victimId, areas }: GetVictimJourneyQuery): Promise<VictimJourneyView> {
    const journey = await this.obligations.victimJourney(caseId, victimId);
    if (journey && withinAreas(areas, journey.area)) return journey;
    // An erased victim is told apart from an unknown one only to a caller who may see the case.
    const erasedAt = journey ? undefined : await this.obligations.erasureOf(caseId, victimId);
    if (erasedAt && withinAreas(areas, (await this.obligations.caseReading(caseId))?.area)) throw new VictimErasedError(caseId, victimId, erasedAt);
    throw new NotFoundException(`No victim ${victimId} on case ${caseId}`);
  }
}
