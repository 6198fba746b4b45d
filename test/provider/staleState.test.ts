/**
 * An update without `--refresh`, on both front ends: the state holds what the last refresh read, the tenant has
 * moved on since. What is sent is what the program changed against the state; a complex value sent is built over
 * what the tenant holds now (one GET), so nothing the portal changed since is reverted unless the program asks.
 */
import { sourceSystemArgs } from "../support/inboundArgs";
import { eachFrontEnd } from "./eachFrontEnd";

const t = eachFrontEnd();

type Json = Record<string, any>;

async function checked(args: Json, olds: Json = {}): Promise<Json> {
  const { inputs, failures } = await t.providers.sourceSystemDefinition.check(olds, args);
  expect(failures).toEqual([]);
  return inputs;
}

t.describe(() => {
  test("a top-level value the portal changed is not sent when the program changes a complex property beside it (an ignored vendor keeps the tenant's)", async () => {
    const inputs = await checked(sourceSystemArgs());
    const { id, outs } = await t.providers.sourceSystemDefinition.create(inputs);
    // The portal renames the vendor; the state (no refresh) still says "LMS Vendor", as do the program's inputs
    // (the engine copies an ignored value from the old inputs).
    const edited = await t.fx.graph("PATCH", `/external/industryData/sourceSystems/${id}`, { vendor: "Changed in the portal" });
    expect(edited.status).toBeLessThan(300);
    const changed = sourceSystemArgs();
    changed.userMatchingSettings[1].priorityOrder = 5;
    const news = await checked(changed, inputs);
    await t.fx.clearRequests();
    await t.providers.sourceSystemDefinition.update(id, outs, news);
    const sent = await t.fx.requests();
    expect(sent.map((r) => r.method)).toEqual(["GET", "PATCH", "GET"]);
    expect(Object.keys(sent[1].body as Json)).toEqual(["@odata.type", "userMatchingSettings"]);
    const held = (await t.fx.graph("GET", `/external/industryData/sourceSystems/${id}`)).body as Json;
    expect(held.vendor).toBe("Changed in the portal");
    expect(held.userMatchingSettings.map((s: Json) => s.priorityOrder)).toEqual([0, 5]);
  });
});
