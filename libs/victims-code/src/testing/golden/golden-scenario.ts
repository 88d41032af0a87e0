import type { CaseEvent } from '@case-journey/domain';
import type { ClockSource, NotApplicableReason, ObligationStatus } from '../../obligations/obligation';
import type { ObligationOptions } from '../../obligations/obligations';

/**
 * A worked case: given these events, as of this instant, the obligations of `rules` are exactly
 * `then`. Due instants are reasoned from the calendar by hand (the comment beside each says how).
 */
export interface GoldenScenario {
  name: string;
  given: CaseEvent[];
  asOf: string;
  rules: string[];
  options?: ObligationOptions;
  then: ExpectedObligation[];
}

/** Unset fields take these defaults: victim 'v1', rights 'standard', by null, late null. */
export interface ExpectedObligation {
  rule: string;
  victim?: string;
  trigger: string;
  status: ObligationStatus;
  due: string | null;
  by?: string | null;
  late?: number | null;
  rights?: 'standard' | 'enhanced';
  /** Checked only when given. */
  clock?: ClockSource;
  clockStartedAt?: string;
  reason?: NotApplicableReason;
  rulebook?: string;
  /** Working days from the court event to the agency's receipt. */
  handoff?: number | null;
}
