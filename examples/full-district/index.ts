/**
 * A whole district. Graph allows one flow of each kind per flow set, and a set's filter picks its schools, so
 * schools that need different settings go in different sets: here elementary, middle and high schools, each with
 * its own age group, licenses and class-team policy, plus district-wide security groups and admin units.
 *
 * The district is data (`schoolGroups`): adding a school is a one-line change reviewed in a pull request, and
 * `pulumi up` PATCHes only the filter of the set it belongs to.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  AdministrativeUnitProvisioningFlow,
  ClassGroupProvisioningFlow,
  OutboundProvisioningFlowSet,
  SecurityGroupProvisioningFlow,
  UserProvisioningFlow,
  type StudentAgeGroup,
} from "pulumi-industrydata";

const config = new pulumi.Config();
const staffPassword = config.requireSecret("staffPassword");
const studentPassword = config.requireSecret("studentPassword");

/** One group of schools provisioned alike. */
interface SchoolGroup {
  /** Resource-name stem. */
  key: string;
  displayName: string;
  /** orgExternalId of each school in the SIS data. */
  schools: string[];
  studentAgeGroup: StudentAgeGroup | null;
  studentLicenses: string[];
  /** Create a class team for every class (older pupils use Teams for coursework). */
  classTeams: boolean;
}

const schoolGroups: SchoolGroup[] = [
  {
    key: "elementary",
    displayName: "Elementary schools",
    schools: ["lincoln-elementary", "maple-elementary", "oak-elementary"],
    studentAgeGroup: "minor",
    studentLicenses: ["M365EDU_A1"],
    classTeams: false,
  },
  {
    key: "middle",
    displayName: "Middle schools",
    schools: ["south-middle", "west-middle"],
    studentAgeGroup: "minor",
    studentLicenses: ["M365EDU_A3_STUUSEBNFT"],
    classTeams: true,
  },
  {
    key: "high",
    displayName: "High schools",
    schools: ["north-high", "east-high"],
    studentAgeGroup: "notAdult",
    studentLicenses: ["M365EDU_A3_STUUSEBNFT"],
    classTeams: true,
  },
];

const flowSets = schoolGroups.map((group) => {
  const flowSet = new OutboundProvisioningFlowSet(group.key, {
    displayName: group.displayName,
    filter: { attribute: "orgExternalId", in: group.schools },
  });

  new UserProvisioningFlow(`${group.key}-users`, {
    flowSetId: flowSet.id,
    createUnmatchedUsers: true,
    managementOptions: {
      additionalAttributes: ["userGradeLevel"],
      additionalOptions: { studentAgeGroup: group.studentAgeGroup, allowStudentContactAssociation: true },
    },
    creationOptions: {
      configurations: [
        { roleGroupId: "staff", licenseSkus: ["M365EDU_A3_FACULTY"], defaultPasswordSettings: { password: staffPassword } },
        { roleGroupId: "students", licenseSkus: group.studentLicenses, defaultPasswordSettings: { password: studentPassword } },
      ],
    },
  });

  new ClassGroupProvisioningFlow(`${group.key}-classes`, {
    flowSetId: flowSet.id,
    configuration: {
      additionalAttributes: ["courseTitle", "courseCode", "academicSessionTitle"],
      additionalOptions: { createTeam: group.classTeams, writeDisplayNameOnCreateOnly: true },
      enrollmentMappings: {
        ownerEnrollmentMappings: [{ code: "teacher" }],
        memberEnrollmentMappings: [{ code: "student" }],
      },
    },
  });

  return flowSet;
});

// District-wide groups and admin units: a set with no filter (null) covers every school in the inbound data.
const districtWide = new OutboundProvisioningFlowSet("district-wide", { displayName: "District-wide", filter: null });

new SecurityGroupProvisioningFlow("district-security-groups", {
  flowSetId: districtWide.id,
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: true },
});

new AdministrativeUnitProvisioningFlow("district-admin-units", {
  flowSetId: districtWide.id,
  creationOptions: { createBasedOnOrg: true, createBasedOnOrgPlusRoleGroup: false },
});

export const flowSetIds = Object.fromEntries(schoolGroups.map((g, i) => [g.key, flowSets[i].id]));
export const districtWideFlowSetId = districtWide.id;
