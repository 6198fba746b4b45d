import * as pulumi from "@pulumi/pulumi";
import type { UserCreationOptionsArgs } from "../schema/types";
import type { DeepInput } from "./inputTypes";

type CreationOptionsInput = DeepInput<UserCreationOptionsArgs | null | undefined>;

/**
 * Makes a user flow's `creationOptions` secret when it may hold a `defaultPasswordSettings.password`, so the
 * engine encrypts the password in state and masks it in plans and logs even when the program passed a plain
 * string. The SDK sends a top-level property holding any secret as one secret value, so the whole
 * `creationOptions` is wrapped (role groups and SKUs show as [secret] in plans); one that visibly declares no
 * password stays readable. A level that is an Output or a Promise cannot be inspected now: it counts as
 * possibly holding one.
 */
export function secretPasswords(creationOptions: CreationOptionsInput): CreationOptionsInput {
  if (creationOptions === undefined || creationOptions === null) return creationOptions;
  return mayHoldPassword(creationOptions) ? (pulumi.secret(creationOptions) as CreationOptionsInput) : creationOptions;
}

function mayHoldPassword(creationOptions: NonNullable<CreationOptionsInput>): boolean {
  if (!isPlain(creationOptions)) return true;
  const configurations = creationOptions.configurations;
  if (configurations === undefined || configurations === null) return false;
  if (!isPlain(configurations)) return true;
  return configurations.some((configuration) => {
    if (!isPlain(configuration)) return true;
    const settings = configuration.defaultPasswordSettings;
    return settings !== undefined && settings !== null;
  });
}

/** True for a value whose properties can be read now: not an Output, not a Promise. */
function isPlain<T>(value: pulumi.Input<T>): value is T {
  return !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}
