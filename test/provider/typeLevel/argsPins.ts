/**
 * Compile-time pins (compiled by typeLevel.test.ts): each resource's Args interface has exactly the properties
 * of provider/schema's plain props type, accepts those plain values, and accepts Outputs at any level.
 */
import * as pulumi from "@pulumi/pulumi";
import type {
  AdministrativeUnitProvisioningFlowArgs,
  ClassGroupProvisioningFlowArgs,
  OutboundProvisioningFlowSetArgs,
  ProvisioningFlowArgs,
  SecurityGroupProvisioningFlowArgs,
  UserProvisioningFlowArgs,
} from "../../../provider";
import type {
  AdministrativeUnitProvisioningFlowProps,
  ClassGroupProvisioningFlowProps,
  FlowSetProps,
  ProvisioningFlowProps,
  SecurityGroupProvisioningFlowProps,
  UserProvisioningFlowProps,
} from "../../../provider/schema";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function pin<T extends true>(): T | undefined {
  return undefined;
}

// Same property names (and optionality) as the schema's types: one source of truth for the arguments.
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
pin<Equal<keyof UserProvisioningFlowArgs, keyof UserProvisioningFlowProps>>();
pin<Equal<RequiredKeys<UserProvisioningFlowArgs>, RequiredKeys<UserProvisioningFlowProps>>>();
pin<Equal<keyof ClassGroupProvisioningFlowArgs, keyof ClassGroupProvisioningFlowProps>>();
pin<Equal<RequiredKeys<ClassGroupProvisioningFlowArgs>, RequiredKeys<ClassGroupProvisioningFlowProps>>>();
pin<Equal<keyof SecurityGroupProvisioningFlowArgs, keyof SecurityGroupProvisioningFlowProps>>();
pin<Equal<RequiredKeys<SecurityGroupProvisioningFlowArgs>, RequiredKeys<SecurityGroupProvisioningFlowProps>>>();
pin<Equal<keyof AdministrativeUnitProvisioningFlowArgs, keyof AdministrativeUnitProvisioningFlowProps>>();
pin<Equal<RequiredKeys<AdministrativeUnitProvisioningFlowArgs>, RequiredKeys<AdministrativeUnitProvisioningFlowProps>>>();
pin<Equal<keyof ProvisioningFlowArgs, keyof ProvisioningFlowProps>>();
pin<Equal<RequiredKeys<ProvisioningFlowArgs>, RequiredKeys<ProvisioningFlowProps>>>();
pin<Equal<keyof OutboundProvisioningFlowSetArgs, keyof FlowSetProps>>();
pin<Equal<RequiredKeys<OutboundProvisioningFlowSetArgs>, RequiredKeys<FlowSetProps>>>();

// Plain values of the schema's types are valid arguments.
export const plainUser = (p: UserProvisioningFlowProps): UserProvisioningFlowArgs => p;
export const plainClassGroup = (p: ClassGroupProvisioningFlowProps): ClassGroupProvisioningFlowArgs => p;
export const plainSecurity = (p: SecurityGroupProvisioningFlowProps): SecurityGroupProvisioningFlowArgs => p;
export const plainAdminUnit = (p: AdministrativeUnitProvisioningFlowProps): AdministrativeUnitProvisioningFlowArgs => p;
export const plainBase = (p: ProvisioningFlowProps): ProvisioningFlowArgs => p;
export const plainSet = (p: FlowSetProps): OutboundProvisioningFlowSetArgs => p;

// Outputs are accepted at every level (a set's id, a secret from config, a computed list).
declare const setId: pulumi.Output<string>;
declare const password: pulumi.Output<string>;
declare const skus: pulumi.Output<string[]>;
export const withOutputs: UserProvisioningFlowArgs = {
  flowSetId: setId,
  managementOptions: { additionalOptions: pulumi.output({ studentAgeGroup: "minor" as const }) },
  creationOptions: { configurations: [{ roleGroupId: "students", licenseSkus: skus, defaultPasswordSettings: { password } }] },
};

// A set is adopted by id (an Output too) as a flow is by flowId, and its flowSetId output feeds its flows.
export const adoptedSet: OutboundProvisioningFlowSetArgs = { flowSetId: setId, displayName: "North", deleteOnDestroy: false };
declare const set: import("../../../provider").OutboundProvisioningFlowSet;
export const flowOfSet: SecurityGroupProvisioningFlowArgs = {
  flowSetId: set.flowSetId,
  creationOptions: { createBasedOnRoleGroup: true, createBasedOnOrgPlusRoleGroup: false },
};

// Enums stay string-literal unions through the Input wrapping.
export const badEnum: UserProvisioningFlowArgs = {
  flowSetId: "s",
  // @ts-expect-error "toddler" is not a studentAgeGroup
  managementOptions: { additionalOptions: { studentAgeGroup: "toddler" } },
};
