import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { withinAreas } from '@case-journey/access';
import { CLOCK, type Clock } from '@case-journey/platform';
import { caseStreamAsOf, pastInstant } from '../as-of/case-as-of';
import { CaseNotFoundError } from '../case-errors';
import { CaseStreamRepository, type CaseStream } from '../case-stream.repository';
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
  /** The instant read as of, when one was asked for. */
  asOf?: string;
}

/** Every event as stored, in order: corrections and retractions appear beside what they amend. */
@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery, CaseHistory> {
  constructor(
    private readonly cases: CaseStreamRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ caseId, areas, asOf: asked }: GetCaseHistoryQuery): Promise<CaseHistory> {
    const asOf = pastInstant(asked, this.clock.now());
    const loaded = asOf ? await caseStreamAsOf(this.cases, caseId, asOf, areas) : await this.inScope(caseId, areas);
    return {
      caseId,
      ...(asOf && { asOf: asOf.toISOString() }),
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

  private async inScope(caseId: string, areas: readonly string[] | undefined): Promise<CaseStream> {
    const loaded = await this.cases.load(caseId);
    if (!loaded || !withinAreas(areas, loaded.state.area)) throw new CaseNotFoundError(caseId);
    return loaded;
  }
}
