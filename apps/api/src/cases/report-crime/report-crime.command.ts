import type { Principal } from '../../access/access-policy';
import type { ReportCrimeDto } from '../dto';

export class ReportCrimeCommand {
  constructor(
    readonly report: ReportCrimeDto,
    readonly principal: Principal,
    readonly idempotencyKey?: string,
  ) {}
}
