/**
 * A varied tenant for the export tests, seeded through the emulator's Graph API (POSTs, as a portal would
 * create it): several sets (filter, no filter, empty, duplicate names, a set with hostile text in every string and
 * hostile ids),
 * all four flow kinds, passwords, license SKUs, enrollment mappings, studentAgeGroup set and null.
 */
import { TEST_PASSWORDS } from "../support/testSecrets";

const NS = "#microsoft.graph.industryData.";
const SETS = "/external/industryData/outboundProvisioningFlowSets";

/** The clear-text passwords seeded, by flow set display name and role group. */
export const seededPasswords: Record<string, Record<string, string>> = {
  "North High School": { staff: TEST_PASSWORDS.exportNorthHighStaff, students: TEST_PASSWORDS.exportNorthHighStudents },
  "South Middle": { students: TEST_PASSWORDS.exportSouthMiddleStudents },
};

function bind(roleGroupId: string): string {
  return `https://graph.microsoft.com/beta/external/industryData/roleGroups/${roleGroupId}`;
}

function password(value: string): Record<string, unknown> {
  return { "@odata.type": `${NS}simplePasswordSettings`, password: value };
}

function mapping(code: string): Record<string, unknown> {
  return { "@odata.type": `${NS}sectionRoleReferenceValue`, code };
}

function filter(ids: string[]): Record<string, unknown> {
  return { "@odata.type": `${NS}basicFilter`, attribute: "orgExternalId", in: ids };
}

/** Each set's POST body and its flows' POST bodies. */
export function variedTenant(): { set: Record<string, unknown>; flows: Record<string, unknown>[] }[] {
  return [
    {
      set: { displayName: "North High School", filter: filter(["nh-001", "nh-002"]) },
      flows: [
        {
          "@odata.type": `${NS}userProvisioningFlow`,
          createUnmatchedUsers: true,
          managementOptions: {
            additionalAttributes: ["userGradeLevel", "userNumber"],
            additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true },
          },
          creationOptions: {
            configurations: [
              {
                "roleGroup@odata.bind": bind("staff"),
                defaultPasswordSettings: password(seededPasswords["North High School"].staff),
                licenseSkus: ["M365EDU_A3_FACULTY", "POWER_BI_STANDARD"],
              },
              {
                "roleGroup@odata.bind": bind("students"),
                defaultPasswordSettings: password(seededPasswords["North High School"].students),
                licenseSkus: ["M365EDU_A3_STUUSEBNFT"],
              },
            ],
          },
        },
        {
          "@odata.type": `${NS}classGroupProvisioningFlow`,
          configuration: {
            additionalAttributes: ["courseTitle", "courseCode", "academicSessionTitle"],
            additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
            enrollmentMappings: {
              ownerEnrollmentMappings: [mapping("teacher"), mapping("paraProfessional")],
              memberEnrollmentMappings: [mapping("student"), mapping("substitute")],
            },
          },
        },
        {
          "@odata.type": `${NS}securityGroupProvisioningFlow`,
          creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
        },
        {
          "@odata.type": `${NS}administrativeUnitProvisioningFlow`,
          creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: true },
        },
      ],
    },
    {
      set: { displayName: "South Middle", filter: filter(["sm-001"]) },
      flows: [
        {
          "@odata.type": `${NS}userProvisioningFlow`,
          createUnmatchedUsers: false,
          managementOptions: { additionalAttributes: [], additionalOptions: { studentAgeGroup: null } },
          creationOptions: {
            configurations: [
              { "roleGroup@odata.bind": bind("staff"), licenseSkus: [] },
              {
                "roleGroup@odata.bind": bind("students"),
                defaultPasswordSettings: password(seededPasswords["South Middle"].students),
                licenseSkus: ["M365EDU_A1"],
              },
            ],
          },
        },
        {
          "@odata.type": `${NS}securityGroupProvisioningFlow`,
          creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true },
        },
      ],
    },
    {
      set: { displayName: "All schools" },
      flows: [
        {
          "@odata.type": `${NS}administrativeUnitProvisioningFlow`,
          creationOptions: { createBasedOnOrg: false, createBasedOnOrgPlusRoleGroup: false },
        },
      ],
    },
    { set: { displayName: "Empty set", filter: filter(["unused"]) }, flows: [] },
    {
      // Same name as the first set: resource names and variables must still be unique.
      set: { displayName: "North High School", filter: filter(["nh-annex"]) },
      flows: [
        {
          "@odata.type": `${NS}classGroupProvisioningFlow`,
          configuration: {
            additionalAttributes: [],
            additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: true },
            enrollmentMappings: { ownerEnrollmentMappings: [mapping("teacher")], memberEnrollmentMappings: [] },
          },
        },
      ],
    },
    {
      // Quotes, backticks, `${…}`, a comment terminator and line breaks in every string property, and (once seeded,
      // see hostileIds) in its ids and its role group's: tenant text must never escape into code.
      set: { displayName: HOSTILE_DISPLAY_NAME, filter: filter(["ost-1", ...HOSTILE_TEXTS]) },
      flows: [
        {
          "@odata.type": `${NS}securityGroupProvisioningFlow`,
          creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
        },
        {
          "@odata.type": `${NS}userProvisioningFlow`,
          managementOptions: { additionalAttributes: ["userNumber"], additionalOptions: { studentAgeGroup: "adult" } },
          creationOptions: { configurations: [{ "roleGroup@odata.bind": bind("staff"), licenseSkus: HOSTILE_TEXTS }] },
        },
        {
          "@odata.type": `${NS}classGroupProvisioningFlow`,
          configuration: {
            additionalAttributes: ["classCode"],
            additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
            enrollmentMappings: { ownerEnrollmentMappings: HOSTILE_TEXTS.map(mapping), memberEnrollmentMappings: [mapping("student")] },
          },
        },
      ],
    },
  ];
}

/** The hostile set's display name. */
const HOSTILE_DISPLAY_NAME = 'Östra "A/B" */ skolan `tick` ${process.exit(1)}\nconst injected = 1;';

/** Hostile text for string values (filter values, license SKUs, enrollment codes). */
const HOSTILE_TEXTS = ['q"uote', "back`tick`", "${process.exit(1)}", "end */ /* c", "line\nbreak", "'single'"];

/**
 * Ids Graph would never hand out but that pass the id rule (a GUID is not required): quotes, backticks, `${…}`,
 * markup and the characters encodeURIComponent leaves as they are. Ids the rule refuses (a line break, a slash)
 * cannot be declared at all; the export refuses them with the rule's error (exportCli.test.ts).
 */
export const HOSTILE_IDS = {
  set: "set'\"`${x}<b>&*!~()",
  flow: (kind: string) => `${kind}'\"\`\${x}*`,
  roleGroup: "grp'\"`${x}*!",
};

/**
 * Gives the hostile set, its flows and the role group of its user flow hostile ids, through the emulator's state
 * (Graph's API never lets a client choose an id).
 */
async function hostileIds(options: { graphUrl: string }): Promise<void> {
  const adminUrl = `${options.graphUrl.replace(/\/beta$/, "")}/_emulator`;
  const state = (await (await fetch(`${adminUrl}/state`)).json()) as any;
  const set = state.flowSets.find((s: { displayName: string }) => s.displayName === HOSTILE_DISPLAY_NAME);
  set.id = HOSTILE_IDS.set;
  for (const flow of set.flows) {
    flow.id = HOSTILE_IDS.flow(flow.kind);
    for (const configuration of flow.creationOptions?.configurations ?? []) configuration.roleGroupId = HOSTILE_IDS.roleGroup;
  }
  state.roleGroups.push({ id: HOSTILE_IDS.roleGroup, displayName: HOSTILE_DISPLAY_NAME, roles: [{ code: "teacher" }] });
  const put = await fetch(`${adminUrl}/state`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(state) });
  if (put.status !== 204) throw new Error(`seeding hostile ids: ${put.status} ${await put.text()}`);
}

/** Number of flows `variedTenant()` holds. */
export const variedTenantFlowCount = variedTenant().reduce((n, s) => n + s.flows.length, 0);

/** POSTs the varied tenant to an emulator; resolves to the created set ids in order. */
export async function seedVariedTenant(options: { graphUrl: string; token: string }): Promise<string[]> {
  const ids: string[] = [];
  for (const { set, flows } of variedTenant()) {
    const created = await post<{ id: string }>(options, SETS, set);
    ids.push(created.id);
    for (const flow of flows) await post(options, `${SETS}/${created.id}/provisioningFlows`, flow);
  }
  await hostileIds(options);
  ids[ids.length - 1] = HOSTILE_IDS.set;
  return ids;
}

async function post<T>(options: { graphUrl: string; token: string }, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${options.graphUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`seeding POST ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
