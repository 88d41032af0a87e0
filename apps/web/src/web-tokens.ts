/** Injection tokens of the web app. */
export const WEB_CONFIGURATION = Symbol('WebConfiguration');
export const WEB_CLOCK = Symbol('WebClock');

export interface WebClock {
  now(): Date;
}
