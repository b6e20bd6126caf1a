/**
 * The one source of "now" for the domain, the commands and the scheduler. Tests pass a clock
 * they move by hand; nothing in the bot reads `Date.now()` directly or sleeps on time.
 */
export interface Clock {
  now(): Date;
}

/** The wall clock, for production. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests set and advance. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date): void {
    this.current = new Date(at.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
