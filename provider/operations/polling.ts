/**
 * The one polling loop of the operational commands (a validation's operation, a run): it waits between reads
 * no less than the interval the caller allows and never less than the `Retry-After` Graph sent, and gives up at
 * a deadline with a message saying what was still pending.
 */

/** One read of what is being polled, with the interval Graph asked for (if it did). */
export interface PollRead<T> {
  value: T;
  retryAfterSeconds?: number;
}

/** Options of {@link pollUntil}. */
export interface PollOptions<T> {
  /** Reads the current state (one Graph GET). */
  read(): Promise<PollRead<T>>;
  /** True when `value` is final. */
  done(value: T): boolean;
  /** Least wait between reads, ms; a larger `Retry-After` from Graph wins. */
  intervalMs: number;
  /** Give up after this long, ms (default: never). */
  timeoutMs?: number;
  /** What is polled, for the timeout message (e.g. "validation operation 1234"). */
  what: string;
  /** Called after every read (progress display). */
  onRead?(value: T, polls: number): void;
  /**
   * The `Retry-After` of the answer that started what is polled (a 202): the first read waits for it as for
   * any later one, so the first poll is no earlier than Graph allows either.
   */
  startedRetryAfterSeconds?: number;
  now?(): number;
  sleep?(ms: number): Promise<void>;
}

/** Polls until `done`; resolves to the final value. */
export async function pollUntil<T>(options: PollOptions<T>): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = options.timeoutMs !== undefined ? now() + options.timeoutMs : Number.POSITIVE_INFINITY;
  if (options.startedRetryAfterSeconds !== undefined) await sleep(Math.max(options.intervalMs, options.startedRetryAfterSeconds * 1000));
  let current = await options.read();
  let polls = 1;
  options.onRead?.(current.value, polls);
  while (!options.done(current.value)) {
    const waitMs = Math.max(options.intervalMs, (current.retryAfterSeconds ?? 0) * 1000);
    if (now() + waitMs > deadline) {
      throw new Error(`${options.what} is still not finished after ${Math.round(options.timeoutMs! / 1000)} s (${polls} reads); giving up waiting (it goes on in Graph)`);
    }
    await sleep(waitMs);
    current = await options.read();
    polls += 1;
    options.onRead?.(current.value, polls);
  }
  return current.value;
}
