/**
 * The ignoreChanges matrix of test/e2e/contractMatrix.test.ts through the dynamic resources (the YAML twin is
 * ../contractYaml/Pulumi.yaml). A flow set holds one user flow, so each user flow has its own set.
 */
import * as pulumi from "@pulumi/pulumi";
import { OutboundProvisioningFlowSet, SourceSystemDefinition, UserProvisioningFlow } from "pulumi-industrydata";

const config = new pulumi.Config();
const staffPassword = config.requireSecret("staffPassword");

// Top level: the vendor is ignored, the display name managed.
new SourceSystemDefinition("sis", { displayName: "District SIS", vendor: "Northwind" }, { ignoreChanges: ["vendor"] });

function flowSet(name: string): pulumi.Output<string> {
  return new OutboundProvisioningFlowSet(name, { displayName: `Contract: ${name}` }).id;
}

// Nested: studentAgeGroup is ignored, allowStudentContactAssociation beside it managed.
new UserProvisioningFlow(
  "users-age",
  {
    flowSetId: flowSet("set-age"),
    managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor", allowStudentContactAssociation: true } },
  },
  { ignoreChanges: ["managementOptions.additionalOptions.studentAgeGroup"] },
);

// An element of configurations: staff's licenseSkus ignored, students' managed; a password beside them.
new UserProvisioningFlow(
  "users-skus",
  {
    flowSetId: flowSet("set-skus"),
    managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: "minor" } },
    creationOptions: {
      configurations: [
        { roleGroupId: "staff", licenseSkus: ["M365EDU_A3_FACULTY"], defaultPasswordSettings: { password: staffPassword } },
        { roleGroupId: "students", licenseSkus: ["M365EDU_A3_STUUSEBNFT"] },
      ],
    },
  },
  { ignoreChanges: ["creationOptions.configurations[0].licenseSkus"] },
);

// No stale overlay: allowStudentContactAssociation is undeclared; the program changes studentAgeGroup.
const ageGroup = process.env.CONTRACT_AGE_GROUP === "notAdult" ? "notAdult" : "minor";
new UserProvisioningFlow("users-undeclared", {
  flowSetId: flowSet("set-undeclared"),
  managementOptions: { additionalAttributes: ["userGradeLevel"], additionalOptions: { studentAgeGroup: ageGroup } },
});
