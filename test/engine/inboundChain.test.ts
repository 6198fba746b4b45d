/**
 * The inbound chain through the real dynamic-provider host (serialized providers, gRPC): source system -> CSV
 * connector -> inbound flow <- academic year, created in dependency order, a clean preview, a create-only change
 * named in the diff's replaces, the academic-year rollover (the flow re-pointed at next year's definition is
 * replaced, created before the old one is deleted), and destroy in reverse order leaving the tenant empty.
 */
import { csvConnectorArgs, inboundFlowArgs, yearArgs } from "../support/inboundArgs";
import { EngineFixture, startEngineFixture, withInputs } from "./engineFixture";

interface InboundState {
  sourceSystems: { id: string }[];
  dataConnectors: { id: string; sourceSystemId: string }[];
  years: { id: string }[];
  inboundFlows: { id: string; dataConnectorId: string; yearId: string }[];
}

describe("the inbound chain through the dynamic-provider host", () => {
  let fx: EngineFixture;

  beforeAll(async () => {
    fx = await startEngineFixture({
      declarations: [
        { module: "pulumi-industrydata", exportName: "SourceSystemDefinition", name: "sis", args: { displayName: "Chain SIS" } },
        { module: "pulumi-industrydata", exportName: "AzureDataLakeConnector", name: "csv", args: csvConnectorArgs("00000000-0000-0000-0000-00000000beef") },
        { module: "pulumi-industrydata", exportName: "YearTimePeriodDefinition", name: "year-2025", args: yearArgs() },
        {
          module: "pulumi-industrydata",
          exportName: "YearTimePeriodDefinition",
          name: "year-2026",
          args: { displayName: "School year 2026-27", startDate: "2026-09-01", endDate: "2027-06-30", year: { code: "2026" } },
        },
        { module: "pulumi-industrydata", exportName: "InboundFileFlow", name: "rostering", args: inboundFlowArgs("c", "y") },
      ],
    });
  });

  afterAll(async () => {
    await fx?.stop();
  });

  test("create in order, clean preview, replace named, year rollover, destroy in reverse order", async () => {
    const sis = fx.resource("sis");
    expect((await sis.up(fx.resources.sis.inputs)).op).toBe("create");
    const csv = fx.resource("csv");
    expect((await csv.up(withInputs(fx.resources.csv, { sourceSystemId: sis.state!.id }))).op).toBe("create");
    const year = fx.resource("year-2025");
    expect((await year.up(fx.resources["year-2025"].inputs)).op).toBe("create");
    const flow = fx.resource("rostering");
    const flowInputs = (yearId: string) => withInputs(fx.resources.rostering, { dataConnectorId: csv.state!.id, yearId });
    expect((await flow.up(flowInputs(year.state!.id))).op).toBe("create");
    const created = await fx.state<InboundState>();
    expect(created.inboundFlows).toEqual([expect.objectContaining({ dataConnectorId: csv.state!.id, yearId: year.state!.id })]);
    expect(created.dataConnectors[0].sourceSystemId).toBe(sis.state!.id);

    // A second preview of the same program: nothing to do, and no request at all.
    await fx.clearRequests();
    expect((await flow.preview(flowInputs(year.state!.id))).diff).toMatchObject({ changes: "DIFF_NONE" });
    expect((await year.preview(fx.resources["year-2025"].inputs)).diff).toMatchObject({ changes: "DIFF_NONE" });
    expect((await fx.requests()).filter((r) => r.path.startsWith("/beta/"))).toEqual([]);

    // A create-only change (the year's code) is a replacement, and the diff names the argument.
    const recoded = await year.preview(withInputs(fx.resources["year-2025"], { year: { code: "2024" } }));
    expect(recoded.diff).toMatchObject({ changes: "DIFF_SOME", replaces: ["year"], deleteBeforeReplace: false });

    // The rollover: next year's definition is declared, the flow is pointed at it and replaced (created first).
    const next = fx.resource("year-2026");
    expect((await next.up(fx.resources["year-2026"].inputs)).op).toBe("create");
    const oldFlowId = flow.state!.id;
    const rolled = await flow.up(flowInputs(next.state!.id));
    expect(rolled).toMatchObject({ op: "create-replacement", calls: ["check", "diff", "create", "delete"] });
    expect(rolled.diff!.replaces).toEqual(["yearId"]);
    const after = await fx.state<InboundState>();
    expect(after.inboundFlows).toEqual([expect.objectContaining({ yearId: next.state!.id })]);
    expect(after.inboundFlows[0].id).not.toBe(oldFlowId);

    // Destroy in reverse dependency order leaves the tenant as it was found.
    for (const r of [flow, year, next, csv, sis]) await r.destroy();
    const empty = await fx.state<InboundState>();
    expect([empty.sourceSystems, empty.dataConnectors, empty.years, empty.inboundFlows]).toEqual([[], [], [], []]);
  });
});
