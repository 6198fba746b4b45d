/**
 * The district the workflows in .github/workflows manage. Every change goes through a pull request: the preview
 * workflow shows the exact PATCH-level plan on the PR, merging applies it, and the nightly drift check fails (and
 * opens an issue) when someone changed a flow in the School Data Sync portal.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  ClassGroupProvisioningFlow,
  OutboundProvisioningFlowSet,
  SecurityGroupProvisioningFlow,
  UserProvisioningFlow,
} from "pulumi-industrydata";

const config = new pulumi.Config();

const district = new OutboundProvisioningFlowSet("district", {
  displayName: "Contoso Unified School District",
  filter: { attribute: "orgExternalId", in: config.requireObject<string[]>("schools") },
});

new UserProvisioningFlow("users", {
  flowSetId: district.id,
  createUnmatchedUsers: true,
  managementOptions: {
    additionalAttributes: ["userGradeLevel"],
    additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true },
  },
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
    additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: true },
    enrollmentMappings: { ownerEnrollmentMappings: [{ code: "teacher" }], memberEnrollmentMappings: [{ code: "student" }] },
  },
});

new SecurityGroupProvisioningFlow("security-groups", {
  flowSetId: district.id,
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
});

export const flowSetId = district.id;
