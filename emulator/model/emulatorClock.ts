/**
 * The emulator's clock, on which validations and runs progress: real time scaled by a speed (1 by default,
 * 0 frozen) plus whatever tests advance it by. Piecewise: every speed change or advance re-anchors, so the
 * time it reads never jumps back.
 */

/** Formats epoch milliseconds as Graph writes timestamps (UTC, 7 fractional digits). */
export function formatGraphTime(ms: number): string {
  const whole = Math.floor(ms);
  const fraction = String(whole % 1000).padStart(3, "0");
  return `${new Date(whole).toISOString().slice(0, 19)}.${fraction}0000Z`;
}

/** Epoch milliseconds of a Graph timestamp. */
export function parseGraphTime(text: string): number {
  return Date.parse(text);
}

/** The clock of one emulator. */
export class EmulatorClock {
  private anchorEmulated: number;
  private anchorReal: number;

  constructor(
    private currentSpeed = 1,
    private readonly realNow: () => number = Date.now,
  ) {
    if (!(currentSpeed >= 0) || !Number.isFinite(currentSpeed)) throw new Error(`clock speed must be a finite number ≥ 0, got ${currentSpeed}`);
    this.anchorReal = realNow();
    this.anchorEmulated = this.anchorReal;
  }

  /** Emulated epoch milliseconds. */
  now(): number {
    return this.anchorEmulated + (this.realNow() - this.anchorReal) * this.currentSpeed;
  }

  /** Now as a Graph timestamp. */
  timestamp(): string {
    return formatGraphTime(this.now());
  }

  get speed(): number {
    return this.currentSpeed;
  }

  /** Changes the speed from now on (0 freezes). */
  setSpeed(speed: number): void {
    if (!(speed >= 0) || !Number.isFinite(speed)) throw new Error(`clock speed must be a finite number ≥ 0, got ${speed}`);
    this.reanchor();
    this.currentSpeed = speed;
  }

  /** Moves the clock forward. */
  advance(seconds: number): void {
    if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new Error(`seconds must be a finite number ≥ 0, got ${seconds}`);
    this.reanchor();
    this.anchorEmulated += seconds * 1000;
  }

  /**
   * The real seconds a client should wait before looking again at something that changes at `dueMs`
   * (emulated): at most 5 (Graph asks for no more than one poll every 5 s), 5 when frozen, rounded.
   */
  retryAfterSeconds(dueMs: number): number {
    const emulatedSeconds = Math.max(0, (dueMs - this.now()) / 1000);
    if (this.currentSpeed === 0) return 5;
    return Math.min(5, Math.round(emulatedSeconds / this.currentSpeed));
  }

  private reanchor(): void {
    this.anchorEmulated = this.now();
    this.anchorReal = this.realNow();
  }
}
