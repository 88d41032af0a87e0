export * from './case-timeline';
export { nextSteps } from './next-step';
export { timelineRecordOf } from './timeline-record';
export { TimelineProjection, TIMELINE, timelineKey } from './timeline.projection';
export { TimelineReader } from './timeline.reader';
