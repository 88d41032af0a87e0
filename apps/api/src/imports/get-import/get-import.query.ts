import type { Grant } from '@case-journey/access';

export class GetImportQuery {
  constructor(
    readonly importId: string,
    readonly caller: Grant,
  ) {}
}
