import type { ReportCrimeDto } from '../dto';

export class ReportCrimeCommand {
  constructor(
    readonly report: ReportCrimeDto,
    readonly idempotencyKey?: string,
  ) {}
}
