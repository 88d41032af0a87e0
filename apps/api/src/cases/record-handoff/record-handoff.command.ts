import type { ValidatedHandoff } from '../dto';

export class RecordHandoffCommand {
  constructor(
    readonly caseId: string,
    readonly handoff: ValidatedHandoff,
    readonly ifMatch?: bigint,
    readonly idempotencyKey?: string,
  ) {}
}
