import { Injectable } from '@nestjs/common';
import { CaseFinderReader } from '@case-journey/projections';
import { UnknownAreaError } from './unknown-area.error';

/**
 * The areas the case finder knows. A requested area is matched case-insensitively with its blanks
 * trimmed and answered as first written; an area no case has is refused (404) with the known ones,
 * rather than answering an empty list that reads as "nothing there".
 */
@Injectable()
export class AreaDirectory {
  constructor(private readonly finder: CaseFinderReader) {}

  async known(area: string): Promise<string> {
    const found = await this.finder.knownArea(area);
    if (found !== undefined) return found;
    throw new UnknownAreaError(area, (await this.finder.areas()).map((known) => known.area));
  }

  /** The requested area as known, or undefined when none was asked for. */
  async knownIfGiven(area: string | undefined): Promise<string | undefined> {
    return area === undefined ? undefined : this.known(area);
  }
}
