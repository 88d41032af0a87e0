import type { RetentionJobName } from '../retention-queue';

export class GetRetentionRunQuery {
  constructor(
    readonly kind: RetentionJobName,
    readonly jobId: string,
    readonly offset = 0,
    readonly limit = 200,
  ) {}
}
