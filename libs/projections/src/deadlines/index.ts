export * from './queues';
export { DeadlineQueue } from './deadline-queue';
export * from './deadline-handler';
export * from './job-queues';
