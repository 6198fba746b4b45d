/**
 * Adopting an existing flow set with `flowSetId`, over HTTP against the emulator, the way flows are adopted with
 * `flowId`: adopt = GET, then one PATCH of only what differs (plus the displayName Graph requires on every
 * PATCH); destroy leaves the set unless deleteOnDestroy; an adopted set gone reads as a clear error.
 */
import { flowSetPath, flowSetsPath } from "../../provider/schema";
import { summary } from "./emulatorFixture";
import { eachFrontEnd, type CrudProvider } from "./eachFrontEnd";

const t = eachFrontEnd();
const ns = "#microsoft.graph.industryData.";
const setType = `${ns}outboundProvisioningFlowSet`;
const filterType = `${ns}basicFilter`;
let provider: CrudProvider;
/** A set that exists before Pulumi manages it (made in the portal, say), with a filter. */
let existingId: string;

async function checked(args: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  const { inputs, failures } = await provider.check(olds, { flowSetId: existingId, ...args });
  expect(failures).toEqual([]);
  return inputs;
}

/** The stored set as the emulator holds it (no request logged). */
async function storedSet() {
  return (await t.fx.state()).flowSets.find((s) => s.id === existingId);
}

t.describe(() => {
  beforeAll(() => {
    provider = t.providers.flowSet;
  });
  beforeEach(async () => {
    const existing = await t.fx.graph("POST", flowSetsPath, {
      displayName: "North High",
      filter: { "@odata.type": filterType, attribute: "orgExternalId", in: ["nh-1", "nh-2"] },
    });
    existingId = existing.body.id;
    await t.fx.clearRequests();
  });

  describe("adopting an existing flow set (flowSetId)", () => {
    test.each([
      { name: "only the id declared", args: {} },
      { name: "every setting declared as held (filter ids in another order)",
        args: { displayName: "North High", filter: { attribute: "orgExternalId", in: ["nh-2", "nh-1"] } } },
    ])("nothing differs ($name): one GET, no PATCH; adopted, and the tenant unchanged", async ({ args }) => {
      const before = await storedSet();
      const inputs = await checked(args);
      expect(await t.fx.requests()).toEqual([]); // check sends nothing
      const { id, outs } = await provider.create(inputs);
      expect(id).toBe(existingId);
      expect(summary(await t.fx.requests())).toEqual([`GET ${flowSetPath(existingId)}`]);
      expect(outs).toMatchObject({
        flowSetId: existingId,
        adopted: true,
        deleteOnDestroy: false,
        displayName: "North High",
        filter: { attribute: "orgExternalId", in: ["nh-1", "nh-2"] },
      });
      expect(await storedSet()).toEqual(before);
    });

    test.each([
      { name: "a differing displayName", args: { displayName: "North High School" },
        body: { "@odata.type": setType, displayName: "North High School" },
        after: { displayName: "North High School", filter: { attribute: "orgExternalId", in: ["nh-1", "nh-2"] } } },
      { name: "a differing filter, displayName undeclared (the name held is sent: Graph requires it on PATCH)",
        args: { filter: { attribute: "orgExternalId", in: ["nh-1"] } },
        body: { "@odata.type": setType, filter: { "@odata.type": filterType, attribute: "orgExternalId", in: ["nh-1"] }, displayName: "North High" },
        after: { displayName: "North High", filter: { attribute: "orgExternalId", in: ["nh-1"] } } },
      { name: "a filter declared null (all organisations), displayName as held",
        args: { displayName: "North High", filter: null },
        body: { "@odata.type": setType, filter: null, displayName: "North High" },
        after: { displayName: "North High", filter: null } },
    ])("$name: GET, one PATCH of exactly the changed property + displayName, then one GET", async ({ args, body, after }) => {
      const { id, outs } = await provider.create(await checked(args));
      const sent = await t.fx.requests();
      const path = flowSetPath(existingId);
      expect(summary(sent)).toEqual([`GET ${path}`, `PATCH ${path}`, `GET ${path}`]);
      expect(sent[1].body).toEqual(body);
      expect(outs).toMatchObject({ ...after, flowSetId: id, adopted: true, deleteOnDestroy: false });
      expect(await storedSet()).toMatchObject(after);
    });

    test("after adoption, an edit PATCHes just that; a re-check of the same arguments is no change", async () => {
      const inputs = await checked({ displayName: "North High" });
      const { id, outs } = await provider.create(inputs);
      await t.fx.clearRequests();
      await expect(provider.diff(id, outs, await checked({ displayName: "North High" }, inputs))).resolves.toEqual({
        changes: false, replaces: [], deleteBeforeReplace: false,
      });
      const news = await checked({ displayName: "Renamed" }, inputs);
      await expect(provider.diff(id, outs, news)).resolves.toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
      const { outs: updated } = await provider.update(id, outs, news);
      const sent = await t.fx.requests();
      expect(summary(sent)).toEqual([`PATCH ${flowSetPath(id)}`, `GET ${flowSetPath(id)}`]);
      expect(sent[0].body).toEqual({ "@odata.type": setType, displayName: "Renamed" });
      expect(updated).toMatchObject({ displayName: "Renamed", adopted: true, deleteOnDestroy: false });
    });

    test("adopting another set replaces the resource, without deleting first", async () => {
      const inputs = await checked({});
      const { id, outs } = await provider.create(inputs);
      const other = await t.fx.createFlowSet("South Middle");
      const news = await checked({ flowSetId: other }, inputs);
      await expect(provider.diff(id, outs, news)).resolves.toEqual({ changes: true, replaces: ["flowSetId"], deleteBeforeReplace: false });
    });

    test.each([
      { name: "by default, destroy leaves the adopted set in the tenant (no request)", deleteOnDestroy: undefined, requests: [] as string[], remains: true },
      { name: "deleteOnDestroy: true deletes the adopted set", deleteOnDestroy: true, requests: ["DELETE"], remains: false },
    ])("$name", async ({ deleteOnDestroy, requests, remains }) => {
      const { id, outs } = await provider.create(await checked(deleteOnDestroy === undefined ? {} : { deleteOnDestroy }));
      await t.fx.clearRequests();
      await provider.delete(id, outs);
      expect(summary(await t.fx.requests())).toEqual(requests.map((method) => `${method} ${flowSetPath(existingId)}`));
      expect((await storedSet()) !== undefined).toBe(remains);
    });

    test("an adopted set deleted out of band: read fails with a clear message instead of recreating it", async () => {
      const { id, outs } = await provider.create(await checked({}));
      await t.fx.graph("DELETE", flowSetPath(existingId));
      await expect(provider.read(id, outs)).rejects.toThrow(
        `flow set ${existingId} no longer exists (404). It was adopted with flowSetId, so it is not recreated: remove the ` +
          "resource from the stack (pulumi state delete <urn>), then drop flowSetId to have a new flow set created, or set it to adopt another flow set.",
      );
    });

    test("a flowSetId that does not exist fails naming the set, after one GET and nothing else", async () => {
      const inputs = await checked({ flowSetId: "00000000-0000-0000-0000-00000000dead", displayName: "X" });
      await expect(provider.create(inputs)).rejects.toThrow("cannot adopt flow set 00000000-0000-0000-0000-00000000dead: it does not exist (404)");
      expect(summary(await t.fx.requests())).toEqual([`GET ${flowSetPath("00000000-0000-0000-0000-00000000dead")}`]);
    });

    test("a drifted adopted set reads back as the tenant holds it (refresh), keeping the adoption", async () => {
      const { id, outs } = await provider.create(await checked({}));
      await t.fx.graph("PATCH", flowSetPath(existingId), { displayName: "Renamed in the portal" });
      const read = await provider.read(id, outs);
      expect(read).toMatchObject({ id, props: { displayName: "Renamed in the portal", adopted: true, deleteOnDestroy: false } });
    });
  });
});
