/**
 * Hours as exact fractions, so that sums and comparisons against 45 and 90 are exact for any input and
 * never decided by a rounding step (see exactHours for what a number of hours means).
 */
export interface Fraction {
  /** Numerator, never negative here. */
  readonly n: bigint;
  /** Denominator, positive; the fraction is in lowest terms. */
  readonly d: bigint;
}

const SECONDS_PER_HOUR = 3600;
/** How JavaScript prints a finite non-negative number: digits, a fraction, an exponent. */
const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function fraction(n: bigint, d: bigint): Fraction {
  const divisor = gcd(n, d);
  return { n: n / divisor, d: d / divisor };
}

/**
 * What `hours` means exactly: a whole number of seconds when it is one (a minute is 1/60, not
 * 0.016666666666666666), else the decimal it prints as, which is what a person typed (44.9999 is
 * 449999/10000, 0.36 s short of 45); throws RangeError beyond 2^53 seconds.
 */
export function exactHours(hours: number): Fraction {
  const seconds = Math.round(hours * SECONDS_PER_HOUR);
  if (!Number.isSafeInteger(seconds)) throw new RangeError(`Hours too large: ${hours}`);
  if (seconds / SECONDS_PER_HOUR === hours) return fraction(BigInt(seconds), BigInt(SECONDS_PER_HOUR));
  const printed = DECIMAL.exec(String(hours));
  if (!printed?.[1]) throw new RangeError(`Hours must be a finite non-negative number, got ${hours}`);
  const digits = BigInt(`${printed[1]}${printed[2] ?? ''}`);
  const scale = (printed[2]?.length ?? 0) - Number(printed[3] ?? 0);
  return scale >= 0 ? fraction(digits, 10n ** BigInt(scale)) : fraction(digits * 10n ** BigInt(-scale), 1n);
}

const sumOf = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);

/**
 * An exact running sum of hours. Whole seconds (every ledger entry) add as a plain integer; the first
 * term that is not, or a sum past 2^53 seconds, moves it to fractions.
 */
export class HoursSum {
  #seconds = 0;
  #fraction: Fraction | null = null;

  /** Adds `hours` (finite, non-negative: exactHours says what it means). */
  add(hours: number): this {
    const seconds = Math.round(hours * SECONDS_PER_HOUR);
    if (this.#fraction === null && seconds / SECONDS_PER_HOUR === hours && Number.isSafeInteger(this.#seconds + seconds)) {
      this.#seconds += seconds;
    } else {
      this.#fraction = sumOf(this.exact(), exactHours(hours));
    }
    return this;
  }

  /** This sum plus `other`, as a new sum. */
  plus(other: HoursSum): HoursSum {
    const sum = new HoursSum();
    if (this.#fraction === null && other.#fraction === null && Number.isSafeInteger(this.#seconds + other.#seconds)) {
      sum.#seconds = this.#seconds + other.#seconds;
    } else {
      sum.#fraction = sumOf(this.exact(), other.exact());
    }
    return sum;
  }

  /** Whether the sum reaches `hours` whole hours. */
  reaches(hours: number): boolean {
    const exact = this.exact();
    return exact.n >= BigInt(hours) * exact.d;
  }

  /** How far the sum is below `hours` whole hours; zero when it reaches them. */
  shortOf(hours: number): number {
    if (this.reaches(hours)) return 0;
    const exact = this.exact();
    return toNumber(fraction(BigInt(hours) * exact.d - exact.n, exact.d));
  }

  /** The double nearest the sum. */
  toNumber(): number {
    return this.#fraction === null ? this.#seconds / SECONDS_PER_HOUR : toNumber(this.#fraction);
  }

  private exact(): Fraction {
    return this.#fraction ?? fraction(BigInt(this.#seconds), BigInt(SECONDS_PER_HOUR));
  }
}

/** The double nearest a fraction (correctly rounded but for ties closer than 2^-64 of a unit). */
function toNumber(f: Fraction): number {
  if (f.n === 0n) return 0;
  const shift = f.d.toString(2).length - f.n.toString(2).length + 64;
  const scaled = shift >= 0 ? (f.n << BigInt(shift)) / f.d : f.n / (f.d << BigInt(-shift));
  return Number(scaled) * 2 ** -shift;
}
