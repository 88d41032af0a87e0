import type { Principal } from '../../access/access-policy';
import type { RecordHandoffDto } from '../dto';

export class RecordHandoffCommand {
  constructor(
    readonly caseId: string,
    readonly handoff: RecordHandoffDto,
    readonly principal: Principal,
    readonly ifMatch?: bigint,
    readonly idempotencyKey?: string,
  ) {}
}
