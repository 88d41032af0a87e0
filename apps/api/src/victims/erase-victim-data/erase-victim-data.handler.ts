import { Inject, ServiceUnavailableException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '@case-journey/access';
import { derivedEventId, JourneyRuleViolation } from '@case-journey/domain';
import { PersonalDataVault } from '@case-journey/personal-data';
import { CLOCK, type Clock } from '@case-journey/platform';
import { JobQueues, NotificationStore, ObligationsReader } from '@case-journey/projections';
import { CaseStreamRepository } from '../../cases/case-stream.repository';
import { HandoffRecorder } from '../../cases/handoff-recorder';
import { VictimNotFoundError } from '../victim-errors';
import { victimRegistrationOf } from '../victim-registration-of';
import { EraseVictimDataCommand } from './erase-victim-data.command';
import { ReadModelsProgress } from './read-models-progress';
import type { VictimErasure } from './victim-erasure';

/** How long the read models may take to catch up before the victim's cases can be looked up in them. */
const LOOKUP_WAIT_MS = 5000;

/**
 * Erases a victim's personal data, in an order that a crash at any point leaves safe and a repeat
 * completes: the decision is recorded on each of their cases first (VictimDataErased, one id per
 * case and victim, so a repeat records nothing twice); then their key is destroyed; then the copies
 * outside the projections (notifications, webhook deliveries) are deleted and the erasure is audited.
 * The projections forget the victim when they read the event.
 */
@CommandHandler(EraseVictimDataCommand)
export class EraseVictimDataHandler implements ICommandHandler<EraseVictimDataCommand, VictimErasure> {
  constructor(
    private readonly recorder: HandoffRecorder,
    private readonly cases: CaseStreamRepository,
    private readonly vault: PersonalDataVault,
    private readonly obligations: ObligationsReader,
    private readonly notifications: NotificationStore,
    private readonly queues: JobQueues,
    private readonly progress: ReadModelsProgress,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: EraseVictimDataCommand): Promise<VictimErasure> {
    const { victimId, basis, reason, by } = command;
    const caseIds = command.caseIds ?? (await this.casesOf(victimId));
    const cases: VictimErasure['cases'] = [];
    for (const caseId of caseIds) {
      const recorded = await this.recordOn(caseId, command);
      if (recorded) cases.push({ caseId, urn: (await this.cases.load(caseId))?.state.urn ?? null, ...recorded });
    }
    if (cases.length === 0) throw new VictimNotFoundError(victimId);

    this.vault.erase(victimId);
    const removed = await this.notifications.forgetVictims([victimId]);
    await Promise.all(removed.map((id) => this.queues.webhooks.remove(id)));
    await this.audit.record([
      { at: this.clock.now().toISOString(), subject: by.subject, agency: by.agency, action: 'victim-data-erased', caseIds: cases.map((erased) => erased.caseId), victimId, purpose: null, reason },
    ]);
    const forgotten = command.awaitReadModelsMs > 0 && (await this.progress.caughtUp(command.awaitReadModelsMs));
    return { victimId, basis, cases, keyDestroyed: true, notificationsRemoved: removed.length, readModels: forgotten ? 'forgotten' : 'pending' };
  }

  /** The cases that register the victim, from the read models once they have read everything stored so far. */
  private async casesOf(victimId: string): Promise<string[]> {
    if (!(await this.progress.caughtUp(LOOKUP_WAIT_MS))) {
      throw new ServiceUnavailableException("The read models are still catching up with the log, so not every case of this victim can be found yet: try again shortly");
    }
    return this.obligations.casesOfVictim(victimId);
  }

  /** Records the erasure on one case; undefined when the case does not hold the victim after all. */
  private async recordOn(caseId: string, { victimId, basis, reason, by }: EraseVictimDataCommand): Promise<{ eventId: string; alreadyRecorded: boolean } | undefined> {
    const eventId = derivedEventId(caseId, `victim-data-erased\u0000${victimId}`);
    try {
      const recorded = await this.recorder.record(
        {
          caseId,
          eventId,
          type: 'VictimDataErased',
          // The erasure permission is not scoped to areas or agencies: the guard's grant is the whole check.
          authorize: () => undefined,
          build: (loaded) => {
            const now = this.clock.now().toISOString();
            // Recorded as the caller's agency, or, for a caller of none, as the agency that registered the victim.
            const agency = by.agency ?? (loaded && victimRegistrationOf(loaded.events, victimId)?.agency) ?? 'Police';
            return { type: 'VictimDataErased', data: { caseId, victimId, basis, reason }, metadata: { eventId, occurredAt: now, agency, recordedBy: by.subject, now } };
          },
        },
        { caseMustExist: true, repeatIsSameAct: true },
      );
      return { eventId: recorded.eventId, alreadyRecorded: recorded.replayed };
    } catch (error) {
      if (error instanceof JourneyRuleViolation && error.rule === 'victim-data-erased-once') return { eventId, alreadyRecorded: true };
      if (error instanceof JourneyRuleViolation && error.rule === 'victim-must-be-known') return undefined;
      throw error;
    }
  }
}
