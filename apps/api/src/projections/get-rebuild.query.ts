export class GetRebuildQuery {
  constructor(readonly jobId: string) {}
}
