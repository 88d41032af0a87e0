import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { withinAreas } from '@case-journey/access';
import { CaseNotFoundError } from '../case-errors';
import { CaseStreamRepository } from '../case-stream.repository';
import { GetCaseHistoryQuery } from './get-case-history.query';

export interface HistoryEntry {
  revision: number;
  position: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

export interface CaseHistory {
  caseId: string;
  revision: bigint;
  events: HistoryEntry[];
}

/** Every event as stored, in order: corrections and retractions appear beside what they amend. */
@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery, CaseHistory> {
  constructor(private readonly cases: CaseStreamRepository) {}

  async execute({ caseId, areas }: GetCaseHistoryQuery): Promise<CaseHistory> {
    const loaded = await this.cases.load(caseId);
    if (!loaded || !withinAreas(areas, loaded.state.area)) throw new CaseNotFoundError(caseId);
    return {
      caseId,
      revision: loaded.revision,
      events: loaded.events.map((event, index) => ({
        revision: Number(loaded.recorded[index].revision),
        position: loaded.recorded[index].position.toString(),
        type: event.type,
        data: event.data,
        metadata: event.metadata as unknown as Record<string, unknown>,
      })),
    };
  }
}
