/** Injection token: the projections the worker keeps up to date. */
export const WORKER_PROJECTIONS = Symbol('WORKER_PROJECTIONS');
