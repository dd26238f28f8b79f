/** The one source of "now" for every service, so tests and demos can set the time instead of waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until it is set or advanced: for tests. */
export class ManualClock implements Clock {
  #current: number;

  constructor(start: Date | string) {
    this.#current = toMillis(start);
  }

  now(): Date {
    return new Date(this.#current);
  }

  set(instant: Date | string): void {
    this.#current = toMillis(instant);
  }

  advance(milliseconds: number): void {
    this.#current += milliseconds;
  }
}

/** A clock that starts at a pinned instant and then runs at real speed: for demos of a past year. */
export function pinnedClock(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}

function toMillis(instant: Date | string): number {
  const millis = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(millis)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return millis;
}
