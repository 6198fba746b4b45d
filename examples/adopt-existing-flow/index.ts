/**
 * Adopting one existing flow by hand (`industrydata export` writes this for a whole tenant). With `flowId` the
 * provider creates nothing: it reads the flow and PATCHes only what differs from the arguments, here nothing if
 * they match the portal. Destroying the stack leaves the flow in the tenant unless deleteOnDestroy is true.
 *
 *   pulumi config set flowSetId 9ab41255-5364-4c53-e15c-08dc4ab6ee03
 *   pulumi config set flowId 4a7ff4a8-8d0d-4a1b-b5c7-7a4a0b1c2d3e
 */
import * as pulumi from "@pulumi/pulumi";
import { SecurityGroupProvisioningFlow } from "pulumi-industrydata";

const config = new pulumi.Config();

const adopted = new SecurityGroupProvisioningFlow("portal-security-groups", {
  flowSetId: config.require("flowSetId"),
  flowId: config.require("flowId"),
  // Declare what the flow should be; properties left out stay as they are in the tenant.
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
});

export const readinessStatus = adopted.readinessStatus;
