/**
 * A flow set limited to some schools: its basicFilter lists the schools' external ids (orgExternalId in the SIS
 * data), so its flows provision only those schools. Different settings for different schools = several sets.
 *
 *   pulumi config set --path 'schools[0]' north-high
 *   pulumi config set --path 'schools[1]' south-middle
 */
import * as pulumi from "@pulumi/pulumi";
import { OutboundProvisioningFlowSet, SecurityGroupProvisioningFlow } from "pulumi-industrydata";

const config = new pulumi.Config();
// Default (Pulumi.yaml): north-high and south-middle.
const schools = config.requireObject<string[]>("schools");

const flowSet = new OutboundProvisioningFlowSet("secondary", {
  displayName: "Secondary schools",
  // The only filter Graph has: orgExternalId in a list (compared without order). filter: null = every school.
  filter: { attribute: "orgExternalId", in: schools },
});

new SecurityGroupProvisioningFlow("secondary-groups", {
  flowSetId: flowSet.id,
  creationOptions: { createBasedOnRoleGroup: false, createBasedOnOrgPlusRoleGroup: true },
});

export const flowSetId = flowSet.id;
export const provisionedSchools = flowSet.filter.apply((f) => f?.in ?? []);
