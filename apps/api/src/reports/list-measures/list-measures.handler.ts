import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { measuresInForce, type MeasureDefinition } from '@case-journey/reporting';
import { ReportingReader } from '@case-journey/projections';
import { londonDayOf } from '@case-journey/victims-code';
import { ListMeasuresQuery } from './list-measures.query';

export interface MeasuresInForce {
  definitions: string;
  version: string;
  title: string;
  /** The London day they are in force on. */
  inForceOn: string;
  measures: MeasureDefinition[];
}

@QueryHandler(ListMeasuresQuery)
export class ListMeasuresHandler implements IQueryHandler<ListMeasuresQuery, MeasuresInForce> {
  constructor(private readonly reader: ReportingReader) {}

  async execute({ at }: ListMeasuresQuery): Promise<MeasuresInForce> {
    const { id, version, title } = this.reader.definitions;
    const day = londonDayOf(at);
    return { definitions: id, version, title, inForceOn: day, measures: measuresInForce(this.reader.definitions, day) };
  }
}
