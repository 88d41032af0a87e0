import { createHash } from 'node:crypto';
import type { Queue, JobState } from 'bullmq';
import type { EventStore } from '@case-journey/event-store';
import { canonicalJson, computeReport, counterHashesOf, measureInForce, ReportRequestError, type MeasureDefinitions, type Report, type ReportRequest } from '@case-journey/reporting';
import { londonDayOf, type WorkingDayCalendar } from '@case-journey/victims-code';
import { closeBull, openQueue, type QueueSite } from '../deadlines/queues';
import { queueReadyWithin } from '../redis-link/redis-failures';
import { asOfCounters, type AsOfProgress } from './as-of-counters';

export const REPORT_AS_OF_QUEUE = 'report-as-of';

/** A report as known at a past instant: the measure, what is asked of it, and the instant. */
export interface AsOfReportJob {
  measure: string;
  request: { groupBy: string[]; areas: string[] | null; months: string[]; filters: Record<string, string> };
  asOf: string;
}

export interface AsOfReportStatus {
  jobId: string;
  state: JobState | 'unknown';
  progress: AsOfProgress | null;
  report: Report | null;
  failedReason: string | null;
}

/** The same question asked twice is one job: its id is a digest of the question. */
export const asOfJobId = (job: AsOfReportJob): string => `as-of-${createHash('sha256').update(canonicalJson(job)).digest('hex').slice(0, 40)}`;

/** Computes an as-of report: the event store read up to `asOf`, every case judged at it, the measure in force then. */
export async function asOfReport(job: AsOfReportJob, options: { store: EventStore; calendar: WorkingDayCalendar; definitions: MeasureDefinitions; onProgress?: (progress: AsOfProgress) => unknown }): Promise<Report> {
  const asOf = new Date(job.asOf);
  const measure = measureInForce(options.definitions, job.measure, londonDayOf(asOf));
  if (!measure) throw new ReportRequestError('measure', `no measure '${job.measure}' is in force on ${londonDayOf(asOf)}`);
  const counters = await asOfCounters(asOf, { store: options.store, calendar: options.calendar, months: new Set(job.request.months), onProgress: options.onProgress });
  const request: ReportRequest = job.request;
  return computeReport(options.definitions, measure, counterHashesOf(counters), request, { kind: 'as-of', asOf: asOf.toISOString() });
}

/** The as-of queue as the API reaches it: asks for a report and says where it stands; a finished one is kept an hour. */
export class AsOfReportQueue {
  private opened?: Queue<AsOfReportJob, Report>;

  constructor(
    private readonly site: QueueSite,
    /** The API's: how long to wait for the queue to connect before refusing (503), so a report asked for during an outage is not computed later. */
    private readonly readyWithinMs?: number,
  ) {}

  /** The job's status, queuing it first when nobody has asked this question lately. */
  async request(job: AsOfReportJob): Promise<AsOfReportStatus> {
    const jobId = asOfJobId(job);
    const known = await this.status(jobId);
    if (known && known.state !== 'failed') return known;
    if (known) await this.queue.remove(jobId);
    if (this.readyWithinMs !== undefined) await queueReadyWithin(this.queue, this.readyWithinMs);
    await this.queue.add('as-of-report', job, { jobId, removeOnComplete: { age: 3600, count: 200 }, removeOnFail: { age: 600 } });
    return (await this.status(jobId)) ?? { jobId, state: 'waiting', progress: null, report: null, failedReason: null };
  }

  async status(jobId: string): Promise<AsOfReportStatus | undefined> {
    const job = await this.queue.getJob(jobId);
    if (!job) return undefined;
    const progress = typeof job.progress === 'object' && job.progress !== null ? (job.progress as unknown as AsOfProgress) : null;
    return { jobId, state: await job.getState(), progress, report: (job.returnvalue as Report | undefined) ?? null, failedReason: job.failedReason ?? null };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    if (this.opened) await closeBull(this.opened);
    this.opened = undefined;
  }

  private get queue(): Queue<AsOfReportJob, Report> {
    return (this.opened ??= openQueue<AsOfReportJob, Report>(REPORT_AS_OF_QUEUE, this.site));
  }
}
