/**
 * The seeds' request bodies expressed as this project's arguments (typed with the schema's Props types, so
 * test/unit/typeLevel.test.ts also proves them expressible at compile time), each with a last-read server
 * value that differs, and the fixture holding the seed's body verbatim.
 */
import type {
  ClassGroupProvisioningFlowProps,
  ProvisioningFlowProps,
  ReadinessStatus,
  ResourceKind,
  SecurityGroupProvisioningFlowProps,
  UserProvisioningFlowProps,
} from "../../provider/schema";

/** One seed request body and how it is declared. */
export interface SeedCase {
  name: string;
  kind: ResourceKind;
  fixture: string;
  /** Seed placeholders ("String") replaced by a real value: the drafts 001/002 show types, not values. */
  placeholders?: Record<string, unknown>;
  declared: Record<string, unknown>;
  lastRead: Record<string, unknown>;
}

const setId = "9ab41255-5364-4c53-e15c-08dc4ab6ee03";
const timestamps = { createdDateTime: "2024-03-25T21:55:03.495336Z", lastModifiedDateTime: "2024-03-25T21:55:03.495336Z" };

const seed000: SecurityGroupProvisioningFlowProps = {
  flowSetId: setId,
  flowId: "4598f62a-7bd9-40a1-d38a-08dc4ac68cf2",
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
};

const seed003: UserProvisioningFlowProps = {
  flowSetId: setId,
  flowId: "dbd36d16-c574-4ed8-3ac7-08dc4ac6fb7f",
  createUnmatchedUsers: true,
  managementOptions: {
    additionalAttributes: ["userGradeLevel"],
    additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true },
  },
  creationOptions: {
    configurations: [
      { roleGroupId: "staff", defaultPasswordSettings: { password: "********" }, licenseSkus: ["SkuUpdated"] },
      { roleGroupId: "students", defaultPasswordSettings: { password: "********" }, licenseSkus: ["SkuUpdated2"] },
    ],
  },
};

const seed004: ClassGroupProvisioningFlowProps = {
  flowSetId: setId,
  flowId: "417a82c8-7caa-4f82-3ac6-08dc4ac6fb7f",
  configuration: {
    additionalAttributes: ["courseTitle", "courseCode"],
    additionalOptions: { createTeam: false, writeDisplayNameOnCreateOnly: false },
    enrollmentMappings: {
      memberEnrollmentMappings: [{ code: "substitute" }],
      ownerEnrollmentMappings: [{ code: "teacher" }],
    },
  },
};

/** Seeds 001/002 show readinessStatus as "String"; "ready" stands in for it. */
const declaredReadiness: ReadinessStatus = "ready";
const seed002: ProvisioningFlowProps = {
  flowSetId: setId,
  flowId: "8494143d-f4b6-4a28-c7e8-cecb4603ff82",
  readinessStatus: declaredReadiness,
};

/** Every seed request body, declared. */
export const seedCases: SeedCase[] = [
  {
    name: "seed 000: securityGroupProvisioningFlow creationOptions",
    kind: "securityGroup",
    fixture: "seed000-securityGroup-patch.json",
    declared: { ...seed000 },
    lastRead: {
      "@odata.context": "https://graph.microsoft.com/beta/$metadata#external/industryData/outboundProvisioningFlowSets('x')/provisioningFlows/$entity",
      "@odata.type": "#microsoft.graph.industryData.securityGroupProvisioningFlow",
      id: seed000.flowId,
      readinessStatus: "disabled",
      ...timestamps,
      creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true },
    },
  },
  {
    name: "seed 003: userProvisioningFlow management and creation options with passwords and role-group binds",
    kind: "user",
    fixture: "seed003-user-patch.json",
    declared: { ...seed003 },
    lastRead: {
      "@odata.type": "#microsoft.graph.industryData.userProvisioningFlow",
      id: seed003.flowId,
      readinessStatus: "disabled",
      ...timestamps,
      createUnmatchedUsers: false,
      managementOptions: {
        additionalAttributes: [],
        additionalOptions: { studentAgeGroup: null, allowStudentContactAssociation: false },
      },
      creationOptions: {
        configurations: [
          {
            "roleGroup@odata.context": "https://graph.microsoft.com/beta/$metadata#external/industryData/outboundProvisioningFlowSets('x')/provisioningFlows('y')/microsoft.graph.industryData.userProvisioningFlow/creationOptions/configurations/roleGroup/$entity",
            roleGroup: { id: "staff", displayName: "Staff", roles: [{ code: "teacher" }] },
            defaultPasswordSettings: { "@odata.type": "#microsoft.graph.industryData.simplePasswordSettings", password: "***************" },
            licenseSkus: ["Sku1"],
          },
          {
            roleGroup: { id: "students", displayName: "Students", roles: [{ code: "student" }] },
            defaultPasswordSettings: { "@odata.type": "#microsoft.graph.industryData.simplePasswordSettings", password: "***************" },
            licenseSkus: ["Sku2"],
          },
        ],
      },
    },
  },
  {
    name: "seed 004: classGroupProvisioningFlow configuration with enrollment mappings",
    kind: "classGroup",
    fixture: "seed004-classGroup-patch.json",
    declared: { ...seed004 },
    lastRead: {
      "@odata.type": "#microsoft.graph.industryData.classGroupProvisioningFlow",
      id: seed004.flowId,
      readinessStatus: "disabled",
      ...timestamps,
      configuration: {
        additionalAttributes: ["courseTitle"],
        additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
        enrollmentMappings: {
          memberEnrollmentMappings: [{ code: "student" }],
          ownerEnrollmentMappings: [{ code: "teacher" }],
        },
      },
    },
  },
  {
    name: "seed 002 (and 001's readinessStatus): base provisioningFlow readinessStatus",
    kind: "provisioningFlow",
    fixture: "seed002-provisioningFlow-patch.json",
    placeholders: { readinessStatus: declaredReadiness },
    declared: { ...seed002 },
    lastRead: {
      "@odata.type": "#microsoft.graph.industryData.securityGroupProvisioningFlow",
      id: seed002.flowId,
      readinessStatus: "notReady",
      ...timestamps,
      creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
    },
  },
];
