/**
 * Server timestamps as Graph writes them: UTC ISO-8601 with 7 fractional digits
 * (`2024-03-05T02:12:29.6430906Z`), strictly increasing so "modified after created" always holds.
 */
let lastTicks = 0n;

/** Now, in 100 ns ticks since the epoch, never equal to the previous call's. */
function nextTicks(): bigint {
  const now = BigInt(Date.now()) * 10000n + (process.hrtime.bigint() / 100n) % 10000n;
  lastTicks = now > lastTicks ? now : lastTicks + 1n;
  return lastTicks;
}

/** The current time as a Graph timestamp. */
export function graphTimestamp(): string {
  const ticks = nextTicks();
  const ms = Number(ticks / 10000n);
  const fraction = (ticks % 10000000n).toString().padStart(7, "0");
  return `${new Date(ms).toISOString().slice(0, 19)}.${fraction}Z`;
}
