import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ObligationsReader, type VictimJourneyView } from '@case-journey/projections';
import { VictimErasedError } from '../victims/victim-errors';
import { GetVictimJourneyQuery } from './get-victim-journey.query';

@QueryHandler(GetVictimJourneyQuery)
export class GetVictimJourneyHandler implements IQueryHandler<GetVictimJourneyQuery, VictimJourneyView> {
  constructor(private readonly obligations: ObligationsReader) {}

  async execute({ caseId, victimId }: GetVictimJourneyQuery): Promise<VictimJourneyView> {
    const journey = await this.obligations.victimJourney(caseId, victimId);
    if (journey) return journey;
    const erasedAt = await this.obligations.erasureOf(caseId, victimId);
    if (erasedAt) throw new VictimErasedError(caseId, victimId, erasedAt);
    throw new NotFoundException(`No victim ${victimId} on case ${caseId}`);
  }
}
