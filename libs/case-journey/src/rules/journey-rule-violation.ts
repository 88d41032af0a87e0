import type { JourneyRuleId } from './journey-rules';

/** A command broke one of the journey's rules; nothing is recorded. The API answers 422 with these fields. */
export class JourneyRuleViolation extends Error {
  override readonly name = 'JourneyRuleViolation';

  constructor(
    /** Stable kebab-case id of the rule broken, e.g. `hearing-must-be-listed`. */
    readonly rule: JourneyRuleId,
    message: string,
    /** The command field at fault, as a path such as `data.hearingId` or `metadata.occurredAt`. */
    readonly field?: string,
  ) {
    super(message);
  }
}
