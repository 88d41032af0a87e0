import type { PackRequest } from '@case-journey/reporting';

export class RequestPackCommand {
  constructor(readonly request: PackRequest) {}
}
