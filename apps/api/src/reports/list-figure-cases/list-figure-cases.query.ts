import type { FigurePart } from '@case-journey/reporting';

/** The cases behind one figure of a live report, a page at a time. */
export class ListFigureCasesQuery {
  constructor(
    readonly criteria: {
      measure: string;
      /** null: every area. */
      areas: string[] | null;
      months: string[];
      filters: Record<string, string>;
      column?: string;
      part?: FigurePart;
      offset: number;
      limit: number;
      now: Date;
    },
  ) {}
}
