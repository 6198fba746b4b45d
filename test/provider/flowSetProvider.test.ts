import { flowSetPath, flowSetsPath } from "../../provider/schema";
import { summary } from "./emulatorFixture";
import { eachFrontEnd, type CrudProvider } from "./eachFrontEnd";

const t = eachFrontEnd();

let provider: CrudProvider;

async function createSet(args: Record<string, unknown>) {
  const { inputs, failures } = await provider.check({}, args);
  expect(failures).toEqual([]);
  return { inputs, ...(await provider.create(inputs)) };
}

t.describe(() => {
  beforeAll(() => {
    provider = t.providers.flowSet;
  });

  describe("flowSet provider over HTTP", () => {
    test("check fills the filter's @odata.type; create looks for a set of that name (one GET), POSTs once and reads nothing back", async () => {
      const { inputs, id, outs } = await createSet({ displayName: "District", filter: { attribute: "orgExternalId", in: ["a", "b"] } });
      expect(inputs.filter).toEqual({ "@odata.type": "#microsoft.graph.industryData.basicFilter", attribute: "orgExternalId", in: ["a", "b"] });
      const sent = await t.fx.requests();
      expect(summary(sent)).toEqual([`GET ${flowSetsPath}`, `POST ${flowSetsPath}`]);
      expect(sent[1].body).toEqual({ "@odata.type": "#microsoft.graph.industryData.outboundProvisioningFlowSet", displayName: "District", filter: inputs.filter });
      expect(outs).toMatchObject({ flowSetId: id, displayName: "District", filter: { attribute: "orgExternalId", in: ["a", "b"] } });
      expect(typeof outs.createdDateTime).toBe("string");
    });

    test("a no-op diff returns changes: false and sends nothing", async () => {
      const { inputs, id, outs } = await createSet({ displayName: "District", filter: { attribute: "orgExternalId", in: ["a", "b"] } });
      await t.fx.clearRequests();
      const again = await provider.check(inputs, { displayName: "District", filter: { attribute: "orgExternalId", in: ["b", "a"] } });
      await expect(provider.diff(id, outs, again.inputs)).resolves.toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      expect(await t.fx.requests()).toEqual([]);
    });

    test("update sends exactly one PATCH with the changed property, then one GET (204)", async () => {
      const { inputs, id, outs } = await createSet({ displayName: "District", filter: { attribute: "orgExternalId", in: ["a"] } });
      await t.fx.clearRequests();
      const { inputs: news } = await provider.check(inputs, { displayName: "District renamed", filter: { attribute: "orgExternalId", in: ["a"] } });
      expect((await provider.diff(id, outs, news)).changes).toBe(true);
      const { outs: updated } = await provider.update(id, outs, news);
      const sent = await t.fx.requests();
      expect(summary(sent)).toEqual([`PATCH ${flowSetPath(id)}`, `GET ${flowSetPath(id)}`]);
      expect(sent[0].body).toEqual({ "@odata.type": "#microsoft.graph.industryData.outboundProvisioningFlowSet", displayName: "District renamed" });
      expect(updated.displayName).toBe("District renamed");
      await t.fx.clearRequests();
      await expect(provider.diff(id, updated, news)).resolves.toMatchObject({ changes: false });
      expect(await t.fx.requests()).toEqual([]);
    });

    test("read returns what the service holds (drift), and a 404 reads as gone", async () => {
      const { id, outs } = await createSet({ displayName: "District" });
      await t.fx.graph("PATCH", flowSetPath(id), { displayName: "Renamed in the portal" });
      const read = await provider.read(id, outs);
      expect(read.id).toBe(id);
      expect(read.props.displayName).toBe("Renamed in the portal");
      await t.fx.graph("DELETE", flowSetPath(id));
      await expect(provider.read(id, outs)).resolves.toEqual({ id: "", props: {} });
    });

    test("delete sends DELETE; deleting what is already gone succeeds", async () => {
      const { id, outs } = await createSet({ displayName: "District" });
      await t.fx.clearRequests();
      await provider.delete(id, outs);
      await provider.delete(id, outs);
      expect((await t.fx.requests()).map((r) => `${r.method} ${r.status}`)).toEqual(["DELETE 204", "DELETE 404"]);
      expect((await t.fx.state()).flowSets).toEqual([]);
    });

    test("a bad enum fails in check with the property path and allowed values, before any request", async () => {
      const { failures } = await provider.check({}, { displayName: "District", filter: { attribute: "schoolId", in: [] } });
      expect(failures).toEqual([expect.objectContaining({ property: "filter.attribute", reason: expect.stringContaining("orgExternalId") })]);
      expect(await t.fx.requests()).toEqual([]);
    });
  });
});
