/** A clock a test sets; it can also run on from a chosen instant at real speed. */
export class TestClock {
  private offsetMs = 0;
  private fixed: number | undefined;

  constructor(at?: string) {
    if (at) this.set(at);
  }

  now(): Date {
    return new Date(this.fixed ?? Date.now() + this.offsetMs);
  }

  /** Stops the clock at an instant. */
  set(at: string | number): void {
    this.fixed = typeof at === 'number' ? at : Date.parse(at);
  }

  /** Lets the clock run at real speed from an instant. */
  runFrom(at: string | number): void {
    this.fixed = undefined;
    this.offsetMs = (typeof at === 'number' ? at : Date.parse(at)) - Date.now();
  }
}
