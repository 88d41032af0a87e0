import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { withinAreas } from '@case-journey/access';
import { ObligationsReader, type VictimJourneyView } from '@case-journey/projections';
import { GetVictimJourneyQuery } from './get-victim-journey.query';

@QueryHandler(GetVictimJourneyQuery)
export class GetVictimJourneyHandler implements IQueryHandler<GetVictimJourneyQuery, VictimJourneyView> {
  constructor(private readonly obligations: ObligationsReader) {}

  async execute({ caseId, victimId, areas }: GetVictimJourneyQuery): Promise<VictimJourneyView> {
    const journey = await this.obligations.victimJourney(caseId, victimId);
    if (!journey || !withinAreas(areas, journey.area)) throw new NotFoundException(`No victim ${victimId} on case ${caseId}`);
    return journey;
  }
}
