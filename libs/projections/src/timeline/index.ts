export * from './case-timeline';
export { nextSteps } from './next-step';
export { timelineRecordOf } from './timeline-record';
export { TimelineProjection, TIMELINE, timelineKey } from './timeline.projection';
export { TimelineReader, TimelineText } from './timeline.reader';
