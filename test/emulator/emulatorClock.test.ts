/** The emulator's clock on a fake real time: speed, freezing, advancing, and the Retry-After it advises. */
import { EmulatorClock, formatGraphTime } from "../../emulator/model/emulatorClock";

function clockAt(speed: number) {
  let real = Date.UTC(2026, 11, 7, 3, 0, 0);
  const clock = new EmulatorClock(speed, () => real);
  return { clock, pass: (ms: number) => (real += ms) };
}

describe("EmulatorClock", () => {
  test.each([
    [1, 1_000, 1_000],
    [1000, 60, 60_000],
    [0, 5_000, 0],
  ])("at speed %d, %d real ms move it %d ms", (speed, realMs, emulatedMs) => {
    const { clock, pass } = clockAt(speed);
    const start = clock.now();
    pass(realMs);
    expect(clock.now() - start).toBe(emulatedMs);
  });

  test("a speed change keeps the time it reads; an advance adds exactly its seconds", () => {
    const { clock, pass } = clockAt(10);
    pass(100);
    const before = clock.now();
    clock.setSpeed(0);
    expect(clock.now()).toBe(before);
    pass(10_000);
    clock.advance(30);
    expect(clock.now()).toBe(before + 30_000);
  });

  test.each([
    ["frozen: Graph's 5 s", 0, 60_000, 5],
    ["real time, 2 s to go", 1, 2_000, 2],
    ["real time, a minute to go: at most 5", 1, 60_000, 5],
    ["fast: 0", 1000, 60_000, 0],
    ["already due: 0", 1, -1_000, 0],
  ])("Retry-After %s", (_name, speed, dueInMs, seconds) => {
    const { clock } = clockAt(speed);
    expect(clock.retryAfterSeconds(clock.now() + dueInMs)).toBe(seconds);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("speed %d is refused", (speed) => {
    expect(() => new EmulatorClock(speed)).toThrow(/clock speed must be a finite number/);
    expect(() => new EmulatorClock(1).setSpeed(speed)).toThrow(/clock speed must be a finite number/);
  });

  test("timestamps are Graph's: UTC with seven fraction digits", () => {
    expect(formatGraphTime(Date.UTC(2026, 11, 7, 3, 4, 5, 678))).toBe("2026-12-07T03:04:05.6780000Z");
  });
});
