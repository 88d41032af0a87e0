import type { Grant } from '@case-journey/access';
import type { ReportCrimeDto } from '../dto';

export class ReportCrimeCommand {
  constructor(
    readonly report: ReportCrimeDto,
    readonly caller: Grant,
    readonly idempotencyKey?: string,
    readonly requestId?: string,
  ) {}
}
