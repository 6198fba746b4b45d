/**
 * An update without `--refresh`, on both front ends: the state holds what the last refresh read, the tenant has
 * moved on since. What is sent is what the program changed against the state; a complex value sent is built over
 * what the tenant holds now (one GET), so nothing the portal changed since is reverted unless the program asks.
 */
import type { CrudProvider } from "../../provider/dynamic/resourceProvider";
import type { ProviderKey } from "../../provider/schema";
import { sourceSystemArgs } from "../support/inboundArgs";
import { startFixture, type EmulatorFixture } from "./emulatorFixture";
import { FRONT_ENDS, startFrontEnd, type FrontEnd } from "./frontEnds";

type Json = Record<string, any>;
let fx: EmulatorFixture;
let providers: Record<ProviderKey, CrudProvider>;

beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.stop());
beforeEach(() => fx.reset());

async function checked(args: Json, olds: Json = {}): Promise<Json> {
  const { inputs, failures } = await providers.sourceSystemDefinition.check(olds, args);
  expect(failures).toEqual([]);
  return inputs;
}

describe.each(FRONT_ENDS)("%s front end", (frontEndName) => {
  let frontEnd: FrontEnd;
  beforeAll(async () => {
    frontEnd = await startFrontEnd(frontEndName, fx);
    providers = frontEnd.providers;
  });
  afterAll(() => frontEnd.stop());

  test("a top-level value the portal changed is not sent when the program changes a complex property beside it (an ignored vendor keeps the tenant's)", async () => {
    const inputs = await checked(sourceSystemArgs());
    const { id, outs } = await providers.sourceSystemDefinition.create(inputs);
    // The portal renames the vendor; the state (no refresh) still says "LMS Vendor", as do the program's inputs
    // (the engine copies an ignored value from the old inputs).
    const edited = await fx.graph("PATCH", `/external/industryData/sourceSystems/${id}`, { vendor: "Changed in the portal" });
    expect(edited.status).toBeLessThan(300);
    const changed = sourceSystemArgs();
    changed.userMatchingSettings[1].priorityOrder = 5;
    const news = await checked(changed, inputs);
    await fx.clearRequests();
    await providers.sourceSystemDefinition.update(id, outs, news);
    const sent = await fx.requests();
    expect(sent.map((r) => r.method)).toEqual(["GET", "PATCH", "GET"]);
    expect(Object.keys(sent[1].body as Json)).toEqual(["@odata.type", "userMatchingSettings"]);
    const held = (await fx.graph("GET", `/external/industryData/sourceSystems/${id}`)).body as Json;
    expect(held.vendor).toBe("Changed in the portal");
    expect(held.userMatchingSettings.map((s: Json) => s.priorityOrder)).toEqual([0, 5]);
  });
});
