import type { ComplianceQuery } from '@case-journey/projections';

export class GetComplianceFiguresQuery {
  constructor(readonly criteria: ComplianceQuery) {}
}
