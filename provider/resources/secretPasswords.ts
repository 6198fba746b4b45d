import * as pulumi from "@pulumi/pulumi";
import type { UserCreationOptionsArgs } from "../schema/types";
import type { DeepInput } from "./inputTypes";

type CreationOptionsInput = DeepInput<UserCreationOptionsArgs | null> | undefined;

/**
 * Marks every declared `defaultPasswordSettings.password` of a user flow's `creationOptions` secret, so the
 * engine encrypts it in state and masks it in plans and logs even when the program passed a plain string.
 * Only the password is wrapped where the structure is plain, so role groups and license SKUs stay readable in
 * the plan; where a level is itself an Output or a Promise (its shape unknown until it resolves), that whole
 * level is made secret instead: never less protection, sometimes less readability.
 */
export function secretPasswords(creationOptions: CreationOptionsInput): CreationOptionsInput {
  if (creationOptions === undefined || creationOptions === null) return creationOptions;
  if (!isPlain(creationOptions)) return pulumi.secret(creationOptions) as CreationOptionsInput;
  const configurations = creationOptions.configurations;
  if (configurations === undefined || configurations === null) return creationOptions;
  if (!isPlain(configurations)) return { ...creationOptions, configurations: pulumi.secret(configurations) } as CreationOptionsInput;
  return {
    ...creationOptions,
    configurations: configurations.map((configuration) => {
      if (!isPlain(configuration)) return pulumi.secret(configuration);
      const settings = configuration.defaultPasswordSettings;
      if (settings === undefined || settings === null) return configuration;
      if (!isPlain(settings)) return { ...configuration, defaultPasswordSettings: pulumi.secret(settings) };
      if (settings.password === undefined) return configuration;
      return { ...configuration, defaultPasswordSettings: { ...settings, password: pulumi.secret(settings.password) } };
    }),
  } as CreationOptionsInput;
}

/** True for a value whose properties can be read now: not an Output, not a Promise. */
function isPlain<T>(value: pulumi.Input<T>): value is T {
  return !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}
