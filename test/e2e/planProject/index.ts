/**
 * One resource per row of the plan table (test/e2e/planTable.test.ts). Without PLAN_TABLE_EDITS the baseline is
 * declared; with PLAN_TABLE_EDITS=1 every row's edit is applied to that row's own resource, so the rows' plans
 * never mix: each resource's block of `pulumi preview --diff` shows one kind of edit. A flow set holds one flow
 * of each kind, so each user-flow row has its own set. Every user flow declares a students password, as every
 * real one that creates accounts does: its creationOptions must stay readable all the same.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  AdministrativeUnitProvisioningFlow,
  ClassGroupProvisioningFlow,
  OutboundProvisioningFlowSet,
  SecurityGroupProvisioningFlow,
  UserProvisioningFlow,
  type UserProvisioningFlowArgs,
} from "pulumi-industrydata";

const config = new pulumi.Config();
const edited = process.env.PLAN_TABLE_EDITS === "1";
const studentPassword = config.requireSecret("studentPassword");
const rotatedPassword = config.requireSecret("studentPasswordRotated");

/** The baseline value, or the row's edit when the edits are on. */
function row<T>(baseline: T, edit: T): T {
  return edited ? edit : baseline;
}

const staff = { roleGroupId: "staff", licenseSkus: ["M365EDU_A3_FACULTY"] };
const students = {
  roleGroupId: "students",
  licenseSkus: ["M365EDU_A3_STUUSEBNFT", "POWER_BI_STANDARD"],
  defaultPasswordSettings: { password: studentPassword },
};
const baseline: Omit<UserProvisioningFlowArgs, "flowSetId"> = {
  createUnmatchedUsers: true,
  managementOptions: {
    additionalAttributes: ["userGradeLevel", "userNumber"],
    additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true },
  },
  creationOptions: { configurations: [staff, students] },
};

/** A user flow in a set of its own, named after its row. */
function userFlow(name: string, args: Partial<UserProvisioningFlowArgs>): UserProvisioningFlow {
  const set = new OutboundProvisioningFlowSet(name, { displayName: `Plan table: ${name}`, filter: { attribute: "orgExternalId", in: ["north-high"] } });
  return new UserProvisioningFlow(name, { ...baseline, ...args, flowSetId: set.id });
}

userFlow("users-create-unmatched", { createUnmatchedUsers: row(true, false) });
userFlow("users-age-group", {
  managementOptions: { ...baseline.managementOptions, additionalOptions: { studentAgeGroup: row("minor", "notAdult"), allowStudentContactAssociation: true } },
});
userFlow("users-attribute-added", {
  managementOptions: { ...baseline.managementOptions, additionalAttributes: row(["userGradeLevel"], ["userGradeLevel", "userNumber"]) },
});
userFlow("users-attribute-removed", {
  managementOptions: { ...baseline.managementOptions, additionalAttributes: row(["userGradeLevel", "userNumber"], ["userGradeLevel"]) },
});
userFlow("users-license", {
  creationOptions: { configurations: [staff, { ...students, licenseSkus: row(["M365EDU_A3_STUUSEBNFT"], ["M365EDU_A1_STUDENT"]) }] },
});
userFlow("users-configurations", {
  creationOptions: { configurations: row([staff], [students]) },
});
userFlow("users-password", {
  creationOptions: { configurations: [staff, { ...students, defaultPasswordSettings: { password: row(studentPassword, rotatedPassword) } }] },
});
// Normalisation only: order of SKUs, attributes, configurations and enrollment codes, case of role-group ids
// and codes (enum values must be declared in Graph's case, so their case cannot differ in a declaration).
const reordered = userFlow("users-reorder", {
  managementOptions: row(baseline.managementOptions, { ...baseline.managementOptions, additionalAttributes: ["userNumber", "userGradeLevel"] }),
  creationOptions: row(baseline.creationOptions, {
    configurations: [{ ...students, roleGroupId: "Students", licenseSkus: ["POWER_BI_STANDARD", "M365EDU_A3_STUUSEBNFT"] }, staff],
  }),
});
new ClassGroupProvisioningFlow("classes-reorder", {
  flowSetId: reordered.flowSetId,
  configuration: {
    additionalAttributes: row(["courseTitle", "courseCode"], ["courseCode", "courseTitle"]),
    additionalOptions: { createTeam: true, writeDisplayNameOnCreateOnly: false },
    enrollmentMappings: {
      ownerEnrollmentMappings: row([{ code: "teacher" }, { code: "aide" }], [{ code: "Aide" }, { code: "TEACHER" }]),
      memberEnrollmentMappings: [{ code: "student" }],
    },
  },
});

const groups = new OutboundProvisioningFlowSet("groups", {
  displayName: row("Plan table: groups", "Plan table: groups (renamed)"),
  filter: { attribute: "orgExternalId", in: row(["north-high"], ["north-high", "south-middle"]) },
});
new ClassGroupProvisioningFlow("classes", {
  flowSetId: groups.id,
  configuration: {
    additionalAttributes: ["courseTitle"],
    additionalOptions: { createTeam: row(true, false), writeDisplayNameOnCreateOnly: false },
    enrollmentMappings: {
      ownerEnrollmentMappings: row([{ code: "teacher" }], [{ code: "teacher" }, { code: "teacherAssistant" }]),
      memberEnrollmentMappings: [{ code: "student" }],
    },
  },
});
new SecurityGroupProvisioningFlow("security-groups", {
  flowSetId: groups.id,
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: row(false, true) },
});
new AdministrativeUnitProvisioningFlow("admin-units", {
  flowSetId: groups.id,
  creationOptions: { createBasedOnOrg: row(true, false), createBasedOnOrgPlusRoleGroup: false },
});
