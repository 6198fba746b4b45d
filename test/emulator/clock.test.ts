/** The emulator's clock through the admin API: read, speed (0 freezes), advance; bad input is a 400. */
import { startTestEmulator, TestEmulator } from "./helpers";

describe("emulator clock (admin API)", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ clockSpeed: 0 });
  });
  afterAll(() => emu.stop());

  test("a frozen clock reads the same until advanced, then exactly that much later", async () => {
    const first = (await emu.admin("GET", "/clock")).body;
    expect(first.speed).toBe(0);
    expect(first.now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);
    expect((await emu.admin("GET", "/clock")).body.now).toBe(first.now);
    const advanced = (await emu.admin("POST", "/clock/advance", { seconds: 90 })).body;
    expect(Date.parse(advanced.now) - Date.parse(first.now)).toBe(90_000);
    expect((await emu.admin("GET", "/info")).body.clock).toEqual({ now: advanced.now, speed: 0 });
  });

  test("setting the speed keeps the time it reads (no jump)", async () => {
    const before = (await emu.admin("GET", "/clock")).body.now;
    const after = (await emu.admin("PUT", "/clock", { speed: 1000 })).body;
    expect(after.speed).toBe(1000);
    expect(Date.parse(after.now)).toBeGreaterThanOrEqual(Date.parse(before));
    await emu.admin("PUT", "/clock", { speed: 0 });
  });

  test.each([
    ["PUT", "/clock", { speed: -1 }],
    ["PUT", "/clock", {}],
    ["POST", "/clock/advance", { seconds: -5 }],
    ["POST", "/clock/advance", { seconds: "5" }],
  ])("%s %s %j is a 400", async (method, path, body) => {
    expect((await emu.admin(method, path, body)).status).toBe(400);
  });
});
