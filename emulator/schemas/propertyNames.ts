/**
 * The service binds property names case-insensitively (reference §4.7: `createBasedOnOrgPlusroleGroup` sent,
 * `createBasedOnOrgPlusRoleGroup` stored): a key that matches a declared property but for case is renamed to
 * the declared spelling before validation. Unknown names are left for the validator to reject.
 */
import { ComplexDef, PropDef, PropType } from "./edm";

function writeNames(props: readonly PropDef[], complex?: ComplexDef): Map<string, PropDef | undefined> {
  const names = new Map<string, PropDef | undefined>([["@odata.type", undefined]]);
  if (complex?.referenceValue) names.set("value@odata.bind", undefined);
  for (const p of props) names.set(p.type.kind === "roleGroupNav" || p.type.kind === "nav" ? `${p.name}@odata.bind` : p.name, p);
  return names;
}

function canonicalValue(type: PropType, value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (type.kind === "collection" && Array.isArray(value)) return value.map((v) => canonicalValue(type.item, v));
  if (type.kind === "complex" && !Array.isArray(value)) {
    return canonicalizePropertyNames(type.complex.properties, value as Record<string, unknown>, type.complex);
  }
  if (type.kind === "polymorphic" && !Array.isArray(value)) {
    const tag = (value as Record<string, unknown>)["@odata.type"];
    const chosen = type.types.find((t) => typeof tag === "string" && tag.replace(/^#/, "").toLowerCase().endsWith(`.${t.name.toLowerCase()}`));
    return chosen ? canonicalizePropertyNames(chosen.properties, value as Record<string, unknown>, chosen) : value;
  }
  return value;
}

/** `body` with its keys (recursively, per the EDM) in the declared spelling. */
export function canonicalizePropertyNames(props: readonly PropDef[], body: Record<string, unknown>, complex?: ComplexDef): Record<string, unknown> {
  const names = writeNames(props, complex);
  const byLower = new Map([...names.keys()].map((n) => [n.toLowerCase(), n]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const name = names.has(key) ? key : byLower.get(key.toLowerCase()) ?? key;
    // An exact spelling wins over a differently-cased duplicate.
    if (name !== key && name in body) {
      out[key] = value;
      continue;
    }
    const def = names.get(name);
    out[name] = def ? canonicalValue(def.type, value) : value;
  }
  return out;
}
