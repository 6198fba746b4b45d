/**
 * One program for many tenants: a managed-service provider keeps every district it runs on the same baseline, and
 * each stack (`pulumi stack select contoso`, `fabrikam`, …) carries what differs: the tenant and app registration
 * (`industrydata:tenantId`, `industrydata:clientId`), the schools, the class-team policy and the password.
 *
 *   pulumi stack select contoso && pulumi up
 *   pulumi stack select fabrikam && pulumi up
 */
import * as pulumi from "@pulumi/pulumi";
import {
  ClassGroupProvisioningFlow,
  OutboundProvisioningFlowSet,
  SecurityGroupProvisioningFlow,
  UserProvisioningFlow,
} from "pulumi-industrydata";

const config = new pulumi.Config();
const districtName = config.require("districtName");
const schools = config.requireObject<string[]>("schools");
const createClassTeams = config.getBoolean("createClassTeams") ?? false;

const district = new OutboundProvisioningFlowSet("district", {
  displayName: districtName,
  filter: { attribute: "orgExternalId", in: schools },
});

new UserProvisioningFlow("users", {
  flowSetId: district.id,
  createUnmatchedUsers: true,
  managementOptions: { additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: false } },
  creationOptions: {
    configurations: [
      { roleGroupId: "staff", licenseSkus: ["M365EDU_A3_FACULTY"] },
      {
        roleGroupId: "students",
        licenseSkus: ["M365EDU_A3_STUUSEBNFT"],
        defaultPasswordSettings: { password: config.requireSecret("studentPassword") },
      },
    ],
  },
});

new ClassGroupProvisioningFlow("classes", {
  flowSetId: district.id,
  configuration: {
    additionalAttributes: ["courseTitle", "courseCode"],
    additionalOptions: { createTeam: createClassTeams, writeDisplayNameOnCreateOnly: true },
    enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
  },
});

new SecurityGroupProvisioningFlow("security-groups", {
  flowSetId: district.id,
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
});

export const tenant = pulumi.getStack();
export const flowSetId = district.id;
