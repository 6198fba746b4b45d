/**
 * The package schema's `functions`: the read-only lookups of provider/operations/lookups.ts as Pulumi functions
 * (`industrydata:index:getRoleGroup`, …), so YAML, Python, Go and .NET programs get them from the generated
 * SDKs, with their result types. Derived from the lookup table: a lookup added there is served here and by
 * `Invoke` with no other edit.
 */
import { lookups, lookupTypes, type LookupProperty } from "../operations";

type Spec = Record<string, unknown>;

/** The token of a lookup (`industrydata:index:getRoleGroup`). */
export function functionToken(packageName: string, name: string): string {
  return `${packageName}:index:${name}`;
}

/** The lookup name a function token names, or undefined for a token of another package or module. */
export function lookupNameOfToken(packageName: string, token: string): string | undefined {
  const prefix = `${packageName}:index:`;
  return token.startsWith(prefix) ? token.slice(prefix.length) : undefined;
}

/**
 * The `functions` section, and the result types it adds to `types` (an existing type of the same token is an
 * error: the lookups' types must not shadow a resource's).
 */
export function functionSpecs(packageName: string, types: Record<string, Spec>): Record<string, Spec> {
  for (const [name, type] of Object.entries(lookupTypes)) {
    const token = functionToken(packageName, name);
    if (types[token] !== undefined) throw new Error(`lookup type ${token} collides with a resource type of the same name`);
    types[token] = {
      type: "object",
      description: type.description,
      properties: properties(packageName, type.properties),
      required: type.required,
    };
  }
  return Object.fromEntries(
    lookups.map((lookup) => [
      functionToken(packageName, lookup.name),
      {
        description: lookup.description,
        inputs: { properties: properties(packageName, lookup.inputs), ...(lookup.requiredInputs.length > 0 ? { required: lookup.requiredInputs } : {}) },
        outputs: { properties: properties(packageName, lookup.outputs), required: lookup.requiredOutputs },
      },
    ]),
  );
}

function properties(packageName: string, props: Record<string, LookupProperty>): Record<string, Spec> {
  return Object.fromEntries(Object.entries(props).map(([name, prop]) => [name, property(packageName, prop)]));
}

function property(packageName: string, prop: LookupProperty): Spec {
  return { ...typeOf(packageName, prop), description: prop.description };
}

/** A type without its documentation: an array's `items` is a TypeSpec, which has none (the CLI drops it). */
function typeOf(packageName: string, prop: LookupProperty): Spec {
  if (prop.ref !== undefined) return { $ref: `#/types/${functionToken(packageName, prop.ref)}` };
  return { type: prop.type, ...(prop.items !== undefined ? { items: typeOf(packageName, prop.items) } : {}) };
}
