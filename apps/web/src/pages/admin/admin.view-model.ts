import { humanise, londonDateTime } from '../../http/london-time';
import { ruleLabel } from '../obligation-labels';

/** GET /health. */
export interface HealthAnswer {
  status: string;
  eventStore?: string;
  lastPosition?: string | null;
  projections?: Array<{ projection: string; version: number; events: number; eventsAtLeast: boolean; seconds: number; eventsApplied: number }>;
  queues?: Record<string, Record<string, number>>;
  problem?: string;
}

/** GET /notifications. */
export interface NotificationsAnswer {
  items: Array<{ id: string; raisedAt: string; caseId: string; urn: string | null; area: string | null; ruleId: string; responsible: string; rights: string; dueAt: string }>;
  total?: number;
}

/** GET /projections/rebuilds/:jobId. */
export interface RebuildAnswer {
  jobId: string;
  projection: string;
  state: string;
  progress: { phase: string; position: string | null; head: string | null; fromVersion: number; toVersion: number } | null;
  result: { keysDropped: number; toVersion: number } | null;
  failedReason: string | null;
}

/** A projection's name as the API's rebuild route takes it. */
export const isProjectionName = (name: unknown): name is string => typeof name === 'string' && /^[a-z][a-z-]{0,40}$/.test(name);

export function adminViewModel(health: HealthAnswer, notifications: NotificationsAnswer | { refused: string }) {
  const queueNames = Object.keys(health.queues ?? {});
  const counts = [...new Set(queueNames.flatMap((name) => Object.keys(health.queues![name])))];
  return {
    pageTitle: 'Administration',
    status: health.status === 'ok' ? 'Working' : `Degraded: ${health.problem ?? 'see below'}`,
    eventStore: health.eventStore,
    lastPosition: health.lastPosition,
    projections: (health.projections ?? []).map((projection) => ({
      name: projection.projection,
      version: projection.version,
      behind: projection.events === 0 ? 'Up to date' : `${projection.events}${projection.eventsAtLeast ? ' or more' : ''} events, ${projection.seconds} s`,
      applied: projection.eventsApplied,
    })),
    queueHeaders: counts.map(humanise),
    queues: queueNames.map((name) => ({ name, counts: counts.map((count) => health.queues![name][count] ?? 0) })),
    notifications:
      'refused' in notifications
        ? { refused: notifications.refused }
        : {
            rows: notifications.items.map((item) => ({
              raised: londonDateTime(item.raisedAt),
              caseId: item.caseId,
              urn: item.urn ?? item.caseId,
              area: item.area ?? '',
              right: ruleLabel(item.ruleId),
              owedBy: item.responsible,
              due: londonDateTime(item.dueAt),
            })),
          },
  };
}

/** How far a rebuild has come, as a whole percentage of the log (its checkpoint against the log's end when it started). */
export function rebuildViewModel(rebuild: RebuildAnswer) {
  const position = Number(rebuild.progress?.position ?? 0);
  const head = Number(rebuild.progress?.head ?? 0);
  const done = rebuild.state === 'completed';
  const percent = done ? 100 : head > 0 ? Math.min(100, Math.floor((position / head) * 100)) : 0;
  return {
    pageTitle: `Rebuilding ${rebuild.projection}`,
    jobId: rebuild.jobId,
    projection: rebuild.projection,
    state: rebuild.state,
    finished: done || rebuild.state === 'failed',
    stateText: done ? `Finished: readers now follow version ${rebuild.result?.toVersion ?? ''}` : rebuild.state === 'failed' ? `Failed: ${rebuild.failedReason ?? 'no reason given'}` : `${humanise(rebuild.state)}${rebuild.progress ? `: ${humanise(rebuild.progress.phase).toLowerCase()}` : ''}`,
    percent,
  };
}
