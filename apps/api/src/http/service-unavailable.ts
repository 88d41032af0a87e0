/** Seconds a client is asked to wait (Retry-After) when a store the request needs cannot be reached. */
export const RETRY_AFTER_SECONDS = 5;
