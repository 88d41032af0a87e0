import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Worker, type Job } from 'bullmq';
import { retentionCandidates, victimRetentionOf, type RetentionCandidate, type VictimRetention } from '@case-journey/domain';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { AppConfiguration, ServiceMetrics } from '@case-journey/platform';
import { caseIdOfStream, closeBull, jobRunnerName, ObligationsReader } from '@case-journey/projections';
import { CaseStreamRepository } from '../cases/case-stream.repository';
import { apiWorkerSite, hearWorkerErrors } from '../read-models/api-queues';
import { EraseVictimDataCommand } from '../victims/erase-victim-data/erase-victim-data.command';
import {
  DRY_RUN,
  RETENTION_QUEUE,
  RetentionQueue,
  type DryRunListing,
  type DryRunRequest,
  type ErasureOutcome,
  type ErasureRequest,
  type RetentionJobName,
} from './retention-queue';

const PAGE = 1000;
const PROGRESS_EVERY = 500;

/**
 * Runs the retention jobs in the API process, one at a time across every API process (BullMQ hands
 * each job to one worker): an erasure goes through the same command as `POST /victims/:id/erasure`,
 * so there is one way to erase, whoever asks.
 */
@Injectable()
export class RetentionJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionJobs.name);
  private worker: Worker<DryRunRequest | ErasureRequest, DryRunListing | ErasureOutcome, RetentionJobName> | undefined;

  constructor(
    @Inject(AppConfiguration) private readonly configuration: AppConfiguration,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cases: CaseStreamRepository,
    private readonly obligations: ObligationsReader,
    private readonly retention: RetentionQueue,
    private readonly commands: CommandBus,
    @Inject(ServiceMetrics) private readonly metrics: ServiceMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const worker = new Worker<DryRunRequest | ErasureRequest, DryRunListing | ErasureOutcome, RetentionJobName>(
      RETENTION_QUEUE,
      (job) => (job.name === DRY_RUN ? this.dryRun(job as Job<DryRunRequest>) : this.erase(job as Job<ErasureRequest>)),
      { ...apiWorkerSite(this.configuration), name: jobRunnerName(), concurrency: 1 },
    );
    hearWorkerErrors(worker, this.logger, 'Retention jobs');
    this.metrics.countJobsOf(worker);
    this.worker = worker;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker) await closeBull(this.worker);
  }

  /** Reads every case of the log and lists the victims whose every case closed before the cutoff. */
  private async dryRun(job: Job<DryRunRequest>): Promise<DryRunListing> {
    const cutoff = new Date(job.data.cutoff);
    const standings: VictimRetention[] = [];
    let casesRead = 0;
    for await (const caseId of this.caseIds()) {
      const loaded = await this.cases.load(caseId);
      if (loaded) standings.push(...victimRetentionOf(loaded.state, cutoff));
      if (++casesRead % PROGRESS_EVERY === 0) await job.updateProgress({ done: casesRead, of: null });
    }
    await job.updateProgress({ done: casesRead, of: casesRead });
    return { cutoff: job.data.cutoff, casesRead, victims: retentionCandidates(standings) };
  }

  /** Erases what the dry run listed, checking each victim again: cases move on, and others may have erased some meanwhile. */
  private async erase(job: Job<ErasureRequest>): Promise<ErasureOutcome> {
    const { dryRunId, reason, requestedBy } = job.data;
    const listing = (await this.retention.queue.getJob(dryRunId))?.returnvalue as DryRunListing | undefined;
    if (!listing) throw new Error(`Dry run ${dryRunId} is gone: run a new one`);
    const outcome: ErasureOutcome = { dryRunId, erased: [], skipped: [] };
    for (const [index, candidate] of listing.victims.entries()) {
      const why = await this.reasonToSkip(candidate, new Date(listing.cutoff));
      if (why) outcome.skipped.push({ victimId: candidate.victimId, why });
      else {
        const caseIds = candidate.cases.map((listed) => listed.caseId);
        await this.commands.execute(new EraseVictimDataCommand(candidate.victimId, 'retention', reason, requestedBy, caseIds));
        outcome.erased.push(candidate.victimId);
      }
      await job.updateProgress({ done: index + 1, of: listing.victims.length });
    }
    return outcome;
  }

  private async reasonToSkip(candidate: RetentionCandidate, cutoff: Date): Promise<string | undefined> {
    const listed = new Set(candidate.cases.map((listedCase) => listedCase.caseId));
    const unlisted = (await this.obligations.casesOfVictim(candidate.victimId)).filter((caseId) => !listed.has(caseId));
    if (unlisted.length > 0) return `registered since the dry run in case ${unlisted.join(', ')}, which it did not read`;
    for (const caseId of listed) {
      const loaded = await this.cases.load(caseId);
      const standing = loaded && victimRetentionOf(loaded.state, cutoff).find((victim) => victim.victimId === candidate.victimId);
      if (!standing) return `no longer held in case ${caseId} (already erased, or their registration retracted)`;
      if (!standing.past) return `case ${caseId} is no longer closed before the cutoff`;
    }
    return undefined;
  }

  /** Every case id in the log, each once, in the order the cases began. */
  private async *caseIds(): AsyncGenerator<string> {
    const seen = new Set<string>();
    for (let after: bigint | undefined; ; ) {
      const page = await this.store.readAll({ after, maxCount: PAGE });
      for (const event of page) {
        const caseId = caseIdOfStream(event.streamId);
        if (caseId !== undefined && !seen.has(caseId)) {
          seen.add(caseId);
          yield caseId;
        }
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1].position;
    }
  }
}
