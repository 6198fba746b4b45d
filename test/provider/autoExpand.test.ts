/**
 * The CSDL marks `userMatchingSetting/roleGroup` and `industryDataConnector/sourceSystem` `Core.AutoExpand`; the
 * docs' examples show neither in a plain read. The provider must be right either way (the emulator serves both:
 * `autoExpandInbound`): when Graph returns a source system's role groups they are compared with the tenant (a role
 * group changed out of band is drift, PATCHed back) and exported; when it does not, they are compared with the
 * last declared value (an out-of-band change cannot be seen, the documented limit) and left out of the export with
 * a note. A connector's source system is read with `$expand` either way, and exported from a plain list read.
 */
import { entityToArgs } from "../../provider/cli/serverToArgs";
import { dataConnectorsPath, sourceSystemsPath } from "../../provider/schema";
import { csvConnectorArgs, sourceSystemArgs } from "../support/inboundArgs";
import { AUTO_EXPAND_MODES, startFixture, summary, type EmulatorFixture } from "./emulatorFixture";
import { eachFrontEnd } from "./eachFrontEnd";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON from the emulator

const t = eachFrontEnd();

/** Swaps the role groups of the source system's two user-matching settings (priorities stay), as in the portal. */
async function swapRoleGroupOutOfBand(id: string): Promise<void> {
  const state = await t.fx.state();
  const stored = (state.sourceSystems as unknown as Json[]).find((s) => s.id === id)!;
  stored.userMatchingSettings[0].roleGroupId = "students";
  stored.userMatchingSettings[1].roleGroupId = "staff";
  await t.fx.putState(state);
}

describe.each(AUTO_EXPAND_MODES)("$mode", ({ autoExpandInbound }) => {
  t.describe(() => {
    test(
      autoExpandInbound
        ? "a user-matching role group changed out of band is drift: read returns it, diff names userMatchingSettings, update PATCHes the declared settings back"
        : "a user-matching role group changed out of band cannot be seen (Graph does not return it): no change, no request",
      async () => {
        const provider = t.providers.sourceSystemDefinition;
        const { inputs } = await provider.check({}, sourceSystemArgs());
        const { id, outs } = await provider.create(inputs);
        await swapRoleGroupOutOfBand(id);
        const read = await provider.read!(id, outs);
        await t.fx.clearRequests();
        const diff = await provider.diff!(id, read.props, inputs);
        if (!autoExpandInbound) {
          expect(diff).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
          expect(await t.fx.requests()).toEqual([]);
          return;
        }
        expect(read.props.userMatchingSettings.map((s: Json) => s.roleGroup)).toEqual([{ id: "students" }, { id: "staff" }]);
        expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
        await provider.update!(id, read.props, inputs);
        const sent = await t.fx.requests();
        // One GET first: the settings are complex values, laid over what the tenant holds now (no stale overlay).
        expect(summary(sent)).toEqual([`GET ${sourceSystemsPath}/${id}`, `PATCH ${sourceSystemsPath}/${id}`, `GET ${sourceSystemsPath}/${id}`]);
        expect(Object.keys(sent[1].body as Json)).toEqual(["@odata.type", "userMatchingSettings"]);
        const after = (await t.fx.graph("GET", `${sourceSystemsPath}/${id}`)).body;
        expect(after.userMatchingSettings.map((s: Json) => [s.priorityOrder, s.roleGroup.id])).toEqual([[0, "staff"], [1, "students"]]);
      },
    );

    test("the declared settings after a refresh are no change, and a changed declared role group is one (both ways)", async () => {
      const provider = t.providers.sourceSystemDefinition;
      const { inputs } = await provider.check({}, sourceSystemArgs());
      const { id, outs } = await provider.create(inputs);
      const read = await provider.read!(id, outs);
      await t.fx.clearRequests();
      expect(await provider.diff!(id, read.props, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      const changed = sourceSystemArgs();
      changed.userMatchingSettings[1].roleGroupId = "staff";
      changed.userMatchingSettings[0].roleGroupId = "students";
      const { inputs: news } = await provider.check(inputs, changed);
      expect(await provider.diff!(id, read.props, news)).toMatchObject({ changes: true });
      expect(await t.fx.requests()).toEqual([]);
    });
  }, { autoExpandInbound });

  /** The export reads the tenant directly (no front end): one emulator for the mode. */
  let fx: EmulatorFixture;
  beforeAll(async () => {
    fx = await startFixture({ autoExpandInbound });
  });
  afterAll(() => fx.stop());

  test(
    autoExpandInbound
      ? "export: the role groups a plain list read returns are exported with the settings; the connector's source system is found in the expanded navigation"
      : "export: settings whose role groups Graph does not return are left out with a note; the connector's source system comes from $expand",
    async () => {
      const source = await fx.graph("POST", sourceSystemsPath, {
        displayName: "SIS",
        userMatchingSettings: sourceSystemArgs().userMatchingSettings.map(({ roleGroupId, ...s }: Json) => ({
          ...s,
          "roleGroup@odata.bind": `${fx.emulator.graphUrl}/external/industryData/roleGroups/${roleGroupId}`,
        })),
      });
      const { sourceSystemId: _, ...connector } = csvConnectorArgs("x");
      await fx.graph("POST", dataConnectorsPath, {
        "@odata.type": "#microsoft.graph.industryData.azureDataLakeConnector",
        ...connector,
        "sourceSystem@odata.bind": `${fx.emulator.graphUrl}${sourceSystemsPath}/${source.body.id}`,
      });
      // The plain list reads the export makes of source systems; connectors are listed with $expand=sourceSystem.
      const [listed] = (await fx.graph("GET", sourceSystemsPath)).body.value;
      const exported = entityToArgs("sourceSystem", listed);
      if (autoExpandInbound) {
        expect((exported.args.userMatchingSettings as Json[]).map((s) => s.roleGroupId)).toEqual(["staff", "students"]);
        expect(exported.notes).toEqual([]);
      } else {
        expect(exported.args).not.toHaveProperty("userMatchingSettings");
        expect(exported.notes.join("\n")).toMatch(/userMatchingSettings left undeclared \(unmanaged\)/);
      }
      const plain = (await fx.graph("GET", dataConnectorsPath)).body.value[0];
      expect(plain.sourceSystem === undefined).toBe(!autoExpandInbound);
      const expanded = (await fx.graph("GET", `${dataConnectorsPath}?$expand=sourceSystem($select=id)`)).body.value[0];
      for (const server of autoExpandInbound ? [plain, expanded] : [expanded]) {
        expect(entityToArgs("azureDataLakeConnector", server).bindings).toEqual([{ argument: "sourceSystemId", targetCollection: sourceSystemsPath, id: source.body.id }]);
      }
    },
  );
});
