import * as pulumi from "@pulumi/pulumi";

/** The Pulumi module of every type token: tokens read `pulumi-nodejs:dynamic/industrydata:<Class>`. */
export const TYPE_MODULE = "industrydata";

/** Read-only properties every flow exposes as outputs. */
export const flowComputedOutputs = ["flowId", "readinessStatus", "createdDateTime", "lastModifiedDateTime"] as const;

/**
 * The property bag handed to `dynamic.Resource`: the declared arguments plus each output-only name set to
 * `undefined`. Pulumi creates an Output only for keys present in this bag (undefined ones are not sent),
 * so without this a class's computed outputs (`readinessStatus`, …) would stay undefined.
 */
export function resourceProps(args: object, outputNames: readonly string[]): Record<string, unknown> {
  const props: Record<string, unknown> = { ...args };
  for (const name of outputNames) if (!(name in props)) props[name] = undefined;
  return props;
}

/**
 * The caller's options plus the outputs that must be secret whatever the caller passed: `names`, and the
 * record of the inputs last applied (`declaredInputs`, see resourceProvider.ts), which copies the secret inputs.
 */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  names: string[] = [],
): pulumi.CustomResourceOptions {
  return pulumi.mergeOptions(opts, { additionalSecretOutputs: [...names, "declaredInputs"] });
}
