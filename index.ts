/**
 * The sample district: one outbound flow set for three schools, with user, class-group and security-group
 * flows, as a School Data Sync admin would keep it in Git. The `dev` stack (Pulumi.dev.yaml) points it at
 * the local emulator, so `pulumi up` works in a fresh clone with no tenant; another stack pointed at
 * https://graph.microsoft.com/beta with real credentials manages a real tenant the same way.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  ClassGroupProvisioningFlow,
  OutboundProvisioningFlowSet,
  SecurityGroupProvisioningFlow,
  UserProvisioningFlow,
} from "pulumi-industrydata";

const config = new pulumi.Config();
/** Schools (their external ids in the inbound SIS data) this flow set provisions. */
const schools = config.getObject<string[]>("schools") ?? ["north-high", "south-middle", "east-elementary"];
// Read as a secret: it stays encrypted in state and masked in plans and logs.
const studentPassword = config.requireSecret("studentPassword");

const district = new OutboundProvisioningFlowSet("district", {
  displayName: config.get("districtName") ?? "Contoso Unified School District",
  filter: { attribute: "orgExternalId", in: schools },
});

const users = new UserProvisioningFlow("users", {
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
        defaultPasswordSettings: { password: studentPassword },
      },
    ],
  },
});

const classes = new ClassGroupProvisioningFlow("classes", {
  flowSetId: district.id,
  configuration: {
    additionalAttributes: ["courseTitle", "courseCode", "academicSessionTitle"],
    additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
    enrollmentMappings: {
      ownerEnrollmentMappings: [{ code: "teacher" }, { code: "teacherAssistant" }],
      memberEnrollmentMappings: [{ code: "student" }],
    },
  },
});

const groups = new SecurityGroupProvisioningFlow("groups", {
  flowSetId: district.id,
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
});

export const flowSetId = district.id;
export const userFlowId = users.id;
export const classGroupFlowId = classes.id;
export const securityGroupFlowId = groups.id;
export const readiness = {
  users: users.readinessStatus,
  classes: classes.readinessStatus,
  groups: groups.readinessStatus,
};
