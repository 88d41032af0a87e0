export * from './case-timeline';
export { nextSteps } from './next-step';
export { readyTimelineOf, timelineTextAt, type ReadyTimeline } from './ready-timeline';
export { timelineRecordOf } from './timeline-record';
export { TimelineProjection, TIMELINE, timelineKey, readyTimelineKey } from './timeline.projection';
export { TimelineReader, TimelineText } from './timeline.reader';
