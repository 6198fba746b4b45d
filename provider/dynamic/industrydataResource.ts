import * as pulumi from "@pulumi/pulumi";
import { passwordHashesKey } from "../reconcile";
import { descriptors, outputNames, type ResourceKind } from "../schema";
import { declaredInputsKey, secretInputNames } from "./inputsRecord";
import { liftSecretInputs } from "./secretInputs";
import { shimProvider } from "./serializedProvider";

/** The Pulumi module of every type token: tokens read `pulumi-nodejs:dynamic/industrydata:<Class>`. */
export const TYPE_MODULE = "industrydata";

/**
 * What every resource class is: a dynamic resource of one kind, built from the kind's descriptor (its serialized
 * provider, outputs, secret outputs and class name), so a class only states its Args interface and declared
 * outputs, and its constructor names its kind.
 */
export abstract class IndustrydataResource extends pulumi.dynamic.Resource {
  protected constructor(kind: ResourceKind, name: string, args: object, opts?: pulumi.CustomResourceOptions) {
    const descriptor = descriptors[kind];
    const props = resourceProps(liftSecretInputs(kind, args), outputNames(descriptor));
    super(shimProvider(descriptor.providerKey), name, props, withSecretOutputs(opts, kind), TYPE_MODULE, descriptor.resourceName);
  }
}

/**
 * The property bag handed to `dynamic.Resource`: the declared arguments plus each output-only name set to
 * `undefined`. Pulumi creates an Output only for keys present in this bag (undefined ones are not sent),
 * so without this a class's computed outputs (`readinessStatus`, …) would stay undefined.
 */
export function resourceProps(args: object, names: readonly string[]): Record<string, unknown> {
  const props: Record<string, unknown> = { ...args };
  for (const name of names) if (!(name in props)) props[name] = undefined;
  return props;
}

/**
 * The outputs of a kind that must be secret whatever the caller passed: the salted hashes of its write-only
 * values (secret, as a hash of a weak password can be guessed offline), its lifted secret inputs
 * (`defaultPasswords`, `clientSecret`: copied into the outputs, see inputsRecord.ts), and the record of the
 * inputs last applied. The Graph properties around a write-only value are not: Graph masks a password on read
 * and never returns a client secret, and the provider never puts one in the outputs (a state written before
 * passwords were lifted keeps its secret creationOptions output until the flow's next update).
 */
export function secretOutputNames(kind: ResourceKind): string[] {
  const hashes = descriptors[kind].writeOnly.length > 0 ? [passwordHashesKey] : [];
  return [...hashes, ...secretInputNames(kind), declaredInputsKey];
}

/** The caller's options plus the kind's secret outputs (secretOutputNames). */
function withSecretOutputs(opts: pulumi.CustomResourceOptions | undefined, kind: ResourceKind): pulumi.CustomResourceOptions {
  return pulumi.mergeOptions(opts, { additionalSecretOutputs: secretOutputNames(kind) });
}
