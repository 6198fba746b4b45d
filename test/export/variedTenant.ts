/**
 * A varied tenant for the export tests, seeded through the emulator's Graph API (POSTs, as a portal would
 * create it): several sets (filter, no filter, empty, duplicate names, a name with quotes and a line break),
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
      // Quotes, a comment terminator and a line break: tenant text must never escape into code.
      set: { displayName: 'Östra "A/B" */ skolan\nconst injected = 1;', filter: filter(["ost-1"]) },
      flows: [
        {
          "@odata.type": `${NS}securityGroupProvisioningFlow`,
          creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
        },
      ],
    },
  ];
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
