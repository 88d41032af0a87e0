import type { ErasureBasis } from '@case-journey/domain';
import type { AuditSubject } from '../../audit/audit-subject';

export class EraseVictimDataCommand {
  constructor(
    readonly victimId: string,
    readonly basis: ErasureBasis,
    readonly reason: string,
    readonly by: AuditSubject,
    /**
     * The cases that register the victim, when the caller knows them all (the retention job read
     * the whole log); otherwise they are looked up in the read models once those have caught up.
     */
    readonly caseIds?: readonly string[],
    /** How long to wait for the read models to forget the victim before answering (0: do not wait). */
    readonly awaitReadModelsMs = 0,
  ) {}
}
