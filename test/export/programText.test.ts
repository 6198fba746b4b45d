/**
 * How the exported program is named and written: resource names, identifiers and config keys; TypeScript
 * literals; and the program text, which must parse, declare exactly the planned resources, and never let tenant
 * text (display names, types) escape into code.
 */
import * as ts from "typescript";
import { camelIdentifier, kebabName, UniqueNames } from "../../provider/cli/names";
import { planProgram } from "../../provider/cli/planProgram";
import type { TenantSnapshot } from "../../provider/cli/readTenant";
import { renderProgram } from "../../provider/cli/renderProgram";
import { configCommands, renderProjectFiles } from "../../provider/cli/renderProjectFiles";
import { Code, tsLiteral } from "../../provider/cli/tsLiteral";

const NS = "#microsoft.graph.industryData.";

describe("names", () => {
  test.each([
    ["North High School", "north-high-school", "northHighSchool"],
    ["  Östra Gymnasiet (Åbo) ", "ostra-gymnasiet-abo", "ostraGymnasietAbo"],
    ["2024 cohort", "2024-cohort", "_2024Cohort"],
    ["camelCaseName", "camel-case-name", "camelCaseName"],
    ['"*/\nconst x = 1;', "const-x-1", "constX1"],
    ["!!!", "fallback-name", "fallbackName"],
    ["a very long district name that keeps going and going", "a-very-long-district-name-that-keeps", "aVeryLongDistrictNameThatKeepsGoingAndGoing"],
  ])("%j -> resource name %s, identifier %s", (text, kebab, camel) => {
    expect(kebabName(text, "fallback-name")).toBe(kebab);
    expect(camelIdentifier(text, "fallback name")).toBe(camel);
  });

  test("UniqueNames numbers a name taken before, and never hands out a reserved one", () => {
    const names = new UniqueNames("-", ["config"]);
    expect(["north", "north", "north", "config"].map((n) => names.claim(n))).toEqual(["north", "north-2", "north-3", "config-2"]);
  });
});

describe("tsLiteral", () => {
  test.each([
    { name: "strings are JSON-quoted (quotes, line breaks)", value: 'a "b"\nc', expected: '"a \\"b\\"\\nc"' },
    { name: "keys are bare identifiers or quoted", value: { a: 1, "b-c": 2, "@odata.type": "x" }, expected: '{ a: 1, "b-c": 2, "@odata.type": "x" }' },
    { name: "null, booleans and empty collections", value: { a: null, b: false, c: [], d: {} }, expected: "{ a: null, b: false, c: [], d: {} }" },
    { name: "undefined properties are left out", value: { a: undefined, b: 1 }, expected: "{ b: 1 }" },
    { name: "Code is written verbatim", value: { password: new Code('config.requireSecret("k")') }, expected: '{ password: config.requireSecret("k") }' },
  ])("$name", ({ value, expected }) => {
    expect(tsLiteral(value)).toBe(expected);
  });

  test("a value wider than the width breaks one item per line, nested short values stay inline", () => {
    const text = tsLiteral({ flowSetId: new Code("setId"), creationOptions: { createBasedOnOrg: true } }, { multiline: true });
    expect(text).toBe("{\n  flowSetId: setId,\n  creationOptions: { createBasedOnOrg: true },\n}");
  });
});

/** A small tenant: a set whose name tries to escape its comment, and a duplicate-named pair. */
function snapshot(): TenantSnapshot {
  const user = (id: string) => ({
    "@odata.type": `${NS}userProvisioningFlow`,
    id,
    readinessStatus: "ready",
    managementOptions: { additionalOptions: { studentAgeGroup: "minor" } },
    creationOptions: {
      configurations: [
        { roleGroup: { id: "staff" }, defaultPasswordSettings: { "@odata.type": `${NS}simplePasswordSettings`, password: "***************" } },
      ],
    },
  });
  return {
    flowSets: [
      { set: { id: "set-b", displayName: "District" }, flows: [user("flow-b")] },
      {
        set: { id: "set-evil", displayName: 'Evil */ name\nconst injected = require("child_process");' },
        flows: [{ "@odata.type": `${NS}securityGroupProvisioningFlow\nconst alsoInjected = 1;`, id: "flow-evil" }],
      },
      {
        set: { id: "set-a", displayName: "District" },
        flows: [
          { "@odata.type": `${NS}administrativeUnitProvisioningFlow`, id: "flow-a2", creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false } },
          user("flow-a1"),
        ],
      },
    ],
  };
}

/** Top-level declarations of a TypeScript file, the kinds of its other statements, and its syntax errors. */
function declarations(text: string): { names: string[]; otherStatements: string[]; errors: string[] } {
  const file = ts.createSourceFile("index.ts", text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const names = file.statements.flatMap((s) => (ts.isVariableStatement(s) ? s.declarationList.declarations.map((d) => d.name.getText(file)) : []));
  const otherStatements = file.statements.filter((s) => !ts.isVariableStatement(s) && !ts.isImportDeclaration(s)).map((s) => ts.SyntaxKind[s.kind]);
  const errors = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  return { names, otherStatements, errors };
}

describe("planProgram + renderProgram", () => {
  const plan = planProgram(snapshot());
  const text = renderProgram(plan, { graphEndpoint: "https://graph.microsoft.com/beta", exportedAt: "2026-01-01T00:00:00.000Z" });

  test("sets are ordered by display name then id, flows by kind; duplicate names get unique resource names and variables", () => {
    expect(plan.flowSets.map((s) => [s.id, s.resourceName, s.variable, s.className])).toEqual([
      ["set-a", "district-set", "districtSet", "OutboundProvisioningFlowSet"],
      ["set-b", "district-2-set", "district2Set", "OutboundProvisioningFlowSet"],
      ["set-evil", "evil-name-const-injected-require-child-set", "evilNameConstInjectedRequireChildSet", "OutboundProvisioningFlowSet"],
    ]);
    expect(plan.flowSets[0].flows.map((f) => [f.resourceName, f.variable, f.className])).toEqual([
      ["district-users", "districtUsers", "UserProvisioningFlow"],
      ["district-admin-units", "districtAdminUnits", "AdministrativeUnitProvisioningFlow"],
    ]);
  });

  test("each user flow's password gets its own secret config key, read with config.requireSecret", () => {
    expect(plan.secrets).toEqual([
      { key: "districtStaffPassword", resourceName: "district-users", owner: "District", ownerNoun: "flow set", property: "password", element: "staff" },
      { key: "district2StaffPassword", resourceName: "district-2-users", owner: "District", ownerNoun: "flow set", property: "password", element: "staff" },
    ]);
    expect(text).toContain('defaultPasswordSettings: { password: config.requireSecret("districtStaffPassword") }');
    expect(text).not.toContain("***");
  });

  test("tenant text never escapes into code: the program parses and declares only the planned variables", () => {
    const { names, otherStatements, errors } = declarations(text);
    expect(errors).toEqual([]);
    const planned = ["config", ...plan.flowSets.flatMap((s) => [s.variable, ...s.flows.map((f) => f.variable)]), "flowSetIds", "flowIds"];
    expect(names).toEqual(planned);
    expect(otherStatements).toEqual([]);
  });

  test("each set is an adopted OutboundProvisioningFlowSet (flowSetId + settings as read); its flows take its flowSetId output", () => {
    expect(text).toContain('import { AdministrativeUnitProvisioningFlow, OutboundProvisioningFlowSet, ProvisioningFlow, UserProvisioningFlow } from "pulumi-industrydata";');
    expect(text).toContain('const districtSet = new OutboundProvisioningFlowSet("district-set", {\n  flowSetId: "set-a",\n  displayName: "District",\n});');
    expect(plan.flowSets[0].args).toEqual({ flowSetId: "set-a", displayName: "District" });
    for (const set of plan.flowSets) {
      for (const flow of set.flows) expect(flow.args.flowSetId).toEqual(new Code(`${set.variable}.flowSetId`));
    }
    expect(text).toContain("  flowSetId: districtSet.flowSetId,\n  flowId: \"flow-a2\",");
    expect(text).not.toMatch(/const \w+SetId = /); // no bare id constants any more
    expect(text).toContain("export const flowSetIds = {\n  districtSet: districtSet.flowSetId,");
  });

  test("the header says the first up changes nothing but one PATCH per user flow with a declared password, and names them", () => {
    expect(plan.secretHolders).toEqual(["district-users", "district-2-users"]);
    expect(text).toMatch(/Each flow set is adopted by its flowSetId and each flow by its flowId/);
    expect(text).toMatch(/first `pulumi up` sends one PATCH to each resource with a\n\/\/ declared secret \(district-users, district-2-users\)/);
    expect(text).toContain("Adopted sets and flows stay in the tenant on `pulumi destroy` unless you set deleteOnDestroy: true.");
    const omit = renderProgram(planProgram(snapshot(), { passwords: "omit" }), { graphEndpoint: "https://graph.microsoft.com/beta", exportedAt: "2026-01-01T00:00:00.000Z" });
    expect(omit).not.toContain("sends one PATCH");
    expect(omit).toContain("changes nothing in the tenant.");
  });

  test("the README says the same: sets and flows adopted; the password PATCHes intended, or none with --passwords omit", () => {
    const options = {
      project: "adopted",
      graphEndpoint: "https://graph.microsoft.com/beta",
      versions: { pulumiIndustrydata: "^0.1.0", pulumi: "3.259.0", typescript: "5.9.3", typesNode: "22.19.1", tsNode: "^10.9.2" },
    };
    const readme = renderProjectFiles(plan, options)["README.md"];
    expect(readme).toContain("declares every flow set with its `flowSetId` and every flow with its `flowId`");
    expect(readme).toContain("changes nothing in the tenant,\nexcept one PATCH per resource with a declared secret (2; see below).");
    expect(readme).toContain("(district-users, district-2-users). This is intended: a declared secret must reach the tenant.");
    expect(readme).toContain("`pulumi destroy` leaves adopted resources in the tenant");
    expect(readme).not.toContain("cannot adopt");
    const omitted = renderProjectFiles(planProgram(snapshot(), { passwords: "omit" }), options)["README.md"];
    expect(omitted).toContain("reads each of them once and changes nothing in the tenant.\n");
    expect(omitted).toContain("the first `pulumi up` sends no\n  PATCH at all");
  });

  test("an unmodelled flow type is adopted as a ProvisioningFlow, with a note", () => {
    const evil = plan.flowSets[2].flows[0];
    expect(evil.className).toBe("ProvisioningFlow");
    expect(Object.keys(evil.args)).toEqual(["flowSetId", "flowId"]);
    expect(text).toMatch(/\/\/ Note: its type ".*not modelled/);
  });

  test("config commands: the endpoint only when it is not Graph's, then each secret (prompted, never a value)", () => {
    expect(configCommands(plan, { graphEndpoint: "https://graph.microsoft.com/beta" })).toEqual([
      "pulumi config set --secret districtStaffPassword",
      "pulumi config set --secret district2StaffPassword",
    ]);
    expect(configCommands(plan, { graphEndpoint: "http://127.0.0.1:7878/beta", tenantId: "contoso.onmicrosoft.com" }).slice(0, 2)).toEqual([
      "pulumi config set industrydata:graphEndpoint http://127.0.0.1:7878/beta",
      "pulumi config set industrydata:tenantId contoso.onmicrosoft.com",
    ]);
  });

  test("Pulumi.yaml declares each password key as a secret string, so Pulumi refuses to run without it", () => {
    const files = renderProjectFiles(plan, {
      project: "adopted",
      graphEndpoint: "https://graph.microsoft.com/beta",
      versions: { pulumiIndustrydata: "^0.1.0", pulumi: "3.259.0", typescript: "5.9.3", typesNode: "22.19.1", tsNode: "^10.9.2" },
    });
    expect(files["Pulumi.yaml"]).toContain("  districtStaffPassword:\n    type: string\n    secret: true\n");
    expect(JSON.parse(files["package.json"]).dependencies).toEqual({ "@pulumi/pulumi": "3.259.0", "pulumi-industrydata": "^0.1.0" });
  });
});
