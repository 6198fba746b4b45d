import * as pulumi from "@pulumi/pulumi";
import { descriptors, type ResourceKind } from "../schema";
import { liftSecrets } from "./liftSecrets";

/**
 * A resource's arguments as the dynamic resource sends them: each write-only value its descriptor lists moved
 * into its own secret input (see liftSecrets), always secret even when the program passed a plain string, and
 * the property it came from made plain, so plans show that property's changes value by value.
 *
 * The property is read through `apply` because any level of it may be an Output or a Promise. The SDK would
 * mark the result secret whenever anything inside was, so it is unsecreted once the write-only values are out
 * of it: only the secret stays secret (a value made secret elsewhere inside such a property, such as a
 * license SKU read with requireSecret, is shown in plans too; it is not a secret of Graph's).
 */
export function liftSecretInputs(kind: ResourceKind, args: object): Record<string, unknown> {
  const props: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  const byProperty = new Map<string, string[]>();
  for (const [path, { input }] of Object.entries(descriptors[kind].liftedSecrets)) {
    const property = path.split(/[.[]/)[0];
    byProperty.set(property, [...(byProperty.get(property) ?? []), input]);
  }
  for (const [property, inputs] of byProperty) {
    const value = props[property];
    if (value === undefined || value === null) continue;
    const lifted = pulumi.output(value).apply((resolved) => liftSecrets(kind, { [property]: resolved }));
    props[property] = pulumi.unsecret(lifted.apply((split) => split[property]));
    for (const input of inputs) props[input] = pulumi.secret(lifted.apply((split) => split[input]));
  }
  return props;
}
