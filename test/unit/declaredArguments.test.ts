/**
 * declaredArguments: the one walk from an entity as Graph holds it to the arguments that declare it, behind
 * `pulumi import` (operations' importExisting) and `industrydata export` (serverToArgs, test/export). These pin
 * what import declares now that it takes the export's rules: where the two differed, import was wrong.
 */
import { resourceOperations } from "../../provider/operations";
import { descriptors, validateInputs, type ResourceKind } from "../../provider/schema";

type Json = Record<string, unknown>;
const ns = "#microsoft.graph.industryData.";
/** The options importExisting uses (operations' IMPORT_ARGUMENTS). */
const importOptions = { writeOnly: { omit: "always" }, nulls: "drop" } as const;

function imported(kind: ResourceKind, server: Json): { args: Json; warnings: string[]; failures: unknown[] } {
  const { args } = resourceOperations[kind].declaredArguments(server, importOptions);
  const identity = resourceOperations[kind].locator.adoptionInputs(descriptors[kind].isFlow ? `set-1/${String(server.id)}` : String(server.id));
  const checked = validateInputs(kind, { ...identity, ...args });
  return { args, warnings: checked.warnings, failures: checked.failures };
}

describe("pulumi import declares what the export does", () => {
  test.each([
    {
      name: "a source system whose user-matching role groups Graph did not return leaves the settings undeclared, so the imported arguments pass check (they failed it: roleGroupId is required)",
      kind: "sourceSystem" as ResourceKind,
      server: {
        "@odata.type": `${ns}sourceSystemDefinition`, id: "ss-1", displayName: "SIS", vendor: "Contoso",
        userMatchingSettings: [{ matchTarget: { code: "userPrincipalName" }, priorityOrder: 0, sourceIdentifier: { code: "username" } }],
      },
      args: { displayName: "SIS", vendor: "Contoso" },
    },
    {
      name: "a flow adopted as the base ProvisioningFlow leaves the server-computed readinessStatus undeclared (declared, a readiness change would have been PATCHed back)",
      kind: "provisioningFlow" as ResourceKind,
      server: { "@odata.type": `${ns}securityGroupProvisioningFlow`, id: "f-1", readinessStatus: "notReady", creationOptions: { createBasedOnRoleGroup: true } },
      args: {},
    },
    {
      name: "a user flow leaves the deprecated markAllStudentsAsMinors undeclared, so check gives no deprecation warning on every run",
      kind: "user" as ResourceKind,
      server: {
        "@odata.type": `${ns}userProvisioningFlow`, id: "f-1", createUnmatchedUsers: false,
        managementOptions: { additionalAttributes: [], additionalOptions: { studentAgeGroup: null, markAllStudentsAsMinors: true, allowStudentContactAssociation: false } },
      },
      args: { createUnmatchedUsers: false, managementOptions: { additionalAttributes: [], additionalOptions: { allowStudentContactAssociation: false } } },
    },
  ])("$name", ({ kind, server, args }) => {
    const result = imported(kind, server);
    expect(result.args).toEqual(args);
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  test("a write-only value: import leaves its holder unmanaged, the export reads it from config (the same walk, its two choices)", () => {
    const server = {
      "@odata.type": `${ns}oneRosterApiDataConnector`, id: "dc-1", displayName: "OneRoster", apiFormat: "oneRoster", baseUrl: "https://sis.example.com/ims/oneroster/v1p1",
      apiVersion: "1.1", isContactsEnabled: false, isDemographicsEnabled: false, isFlagsEnabled: false,
      credential: { "@odata.type": `${ns}oAuth2ClientCredential`, displayName: "creds", clientId: "app", tokenUrl: "https://sis.example.com/token", scope: null, isValid: true },
    };
    expect(resourceOperations.oneRosterApiDataConnector.declaredArguments(server, importOptions).args.credential).toBeUndefined();
    const places: unknown[] = [];
    const exported = resourceOperations.oneRosterApiDataConnector.declaredArguments(server, {
      writeOnly: { omit: "whereOptional", placeholder: (place) => (places.push(place), "<from config>") },
      nulls: "keep",
    });
    expect(exported.args.credential).toEqual({ displayName: "creds", clientId: "app", tokenUrl: "https://sis.example.com/token", scope: null, clientSecret: "<from config>" });
    expect(places).toEqual([{ property: "clientSecret" }]);
  });
});
