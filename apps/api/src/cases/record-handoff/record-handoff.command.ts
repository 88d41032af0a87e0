import type { Grant } from '@case-journey/access';
import type { ValidatedHandoff } from '../dto';

export class RecordHandoffCommand {
  constructor(
    readonly caseId: string,
    readonly handoff: ValidatedHandoff,
    readonly caller: Grant,
    readonly ifMatch?: bigint,
    readonly idempotencyKey?: string,
    readonly requestId?: string,
  ) {}
}
