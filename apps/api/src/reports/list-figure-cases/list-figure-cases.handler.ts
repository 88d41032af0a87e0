import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CaseFinderReader, FigureCasesReader } from '@case-journey/projections';
import { ReportRequestError } from '@case-journey/reporting';
import { RequestValidationError } from '../../http/request-validation.error';
import type { FigureCasesDto } from './figure-cases.response';
import { ListFigureCasesQuery } from './list-figure-cases.query';

@QueryHandler(ListFigureCasesQuery)
export class ListFigureCasesHandler implements IQueryHandler<ListFigureCasesQuery, FigureCasesDto> {
  constructor(
    private readonly figures: FigureCasesReader,
    private readonly finder: CaseFinderReader,
  ) {}

  async execute({ criteria }: ListFigureCasesQuery): Promise<FigureCasesDto> {
    const { measure: measureId, areas, months, filters, column, part, offset, limit, now } = criteria;
    let found;
    try {
      found = await this.figures.casesBehind({ measure: measureId, groupBy: [], months, filters, column, part, ...(areas ? { areas } : {}) }, now);
    } catch (error) {
      // The path names the measure: one not in force is not found, as an unknown case is.
      if (error instanceof ReportRequestError && error.field === 'measure') throw new NotFoundException(error.reason);
      if (error instanceof ReportRequestError) throw new RequestValidationError([{ field: error.field, messages: [error.reason] }]);
      throw error;
    }
    // Most first: the cases that weigh most on the figure.
    const shares = found.shares.sort((a, b) => b.count - a.count || a.caseId.localeCompare(b.caseId));
    const page = shares.slice(offset, offset + limit);
    const rows = await this.finder.rows(page.map((share) => share.caseId), now);
    const { measure, figure } = found;
    return {
      measure: { id: measure.id, version: measure.version, title: measure.title },
      column: { id: figure.column.id, title: figure.column.title, statistic: figure.column.statistic },
      part: figure.part,
      areas,
      months,
      filters,
      asOf: now.toISOString(),
      cases: shares.length,
      count: shares.reduce((sum, share) => sum + share.count, 0),
      items: page.map(({ caseId, count, cells }) => {
        const row = rows.get(caseId);
        return {
          caseId,
          urn: row?.urn ?? null,
          area: row?.area ?? null,
          stage: row?.stage ?? null,
          waitingOn: row?.waitingOn ?? null,
          count,
          cells,
        };
      }),
      nextOffset: offset + limit < shares.length ? offset + limit : null,
    };
  }
}
