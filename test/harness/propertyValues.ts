/**
 * The engine's view of property values, as far as a dynamic provider can tell: plain JSON plus secrets.
 *
 * The Pulumi engine keeps secretness as a wrapper around a value and decides, per provider, whether the
 * wrapper travels over gRPC (a `{ "4dabf…": "1b47…", value }` sentinel struct) or is stripped. The Node
 * dynamic-provider host answers `acceptSecrets: false` to Configure, so after Configure the engine sends
 * every secret as its plain value and re-marks outputs secret by name (`annotateSecrets`). This module
 * reproduces exactly those three moves so the harness speaks to the host the way the engine does.
 */

/** Signature key and secret signature of Pulumi's special structs (sdk/go/common/resource/properties.go). */
export const specialSigKey = "4dabf18193072939515e22adb298388d";
export const specialSecretSig = "1b47061264138c4ac30d75fd1eb44270";
/** The engine's marker for a value not known during preview. */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A value the engine holds as secret (what `pulumi.secret(...)` and `config set --secret` produce). */
export class Secret<T = unknown> {
  constructor(public readonly value: T) {}
}

/** Wraps a value as an engine-side secret. */
export function secret<T>(value: T): Secret<T> {
  return new Secret(value);
}

/** True when the value or anything inside it is a secret. */
export function containsSecrets(value: unknown): boolean {
  if (value instanceof Secret) return true;
  if (Array.isArray(value)) return value.some(containsSecrets);
  if (isPlainObject(value)) return Object.values(value).some(containsSecrets);
  return false;
}

/** Deep copy with every secret replaced by its plain value (what the engine sends when acceptSecrets is false). */
export function revealSecrets(value: unknown): unknown {
  if (value instanceof Secret) return revealSecrets(value.value);
  if (Array.isArray(value)) return value.map(revealSecrets);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = revealSecrets(v);
    return out;
  }
  return value;
}

/**
 * Marshals a property map for the wire the way the engine's `MarshalProperties` does: secrets become
 * sentinel structs when `keepSecrets`, otherwise their plain value; `undefined` members are dropped
 * (protobuf Structs have no undefined).
 */
export function toWire(value: unknown, options: { keepSecrets: boolean }): unknown {
  if (value instanceof Secret) {
    const inner = toWire(value.value, options);
    return options.keepSecrets ? { [specialSigKey]: specialSecretSig, value: inner ?? null } : inner;
  }
  if (Array.isArray(value)) return value.map((v) => toWire(v, options) ?? null);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v, options);
    return out;
  }
  return value;
}

/** Unmarshals wire JSON, turning secret sentinel structs back into `Secret` values (engine `UnmarshalProperties` with KeepSecrets). */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (isPlainObject(value)) {
    if (value[specialSigKey] === specialSecretSig) return new Secret(fromWire(value.value));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromWire(v);
    return out;
  }
  return value;
}

/**
 * The engine's `annotateSecrets(outs, ins)`: a provider that cannot take secrets gets its outputs re-marked
 * secret wherever the input of the same name held one; objects are walked member by member, anything else
 * (arrays included) is marked whole. Mutates and returns `outs`.
 */
export function annotateSecrets(
  outs: Record<string, unknown> | undefined,
  ins: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!outs || !ins) return outs;
  for (const [key, inValue] of Object.entries(ins)) {
    if (!(key in outs)) continue;
    const outValue = outs[key];
    const inObj = inValue instanceof Secret ? undefined : inValue;
    if (isPlainObject(outValue) && isPlainObject(inObj)) {
      annotateSecrets(outValue, inObj);
    } else if (!(outValue instanceof Secret) && containsSecrets(inValue)) {
      outs[key] = new Secret(outValue);
    }
  }
  return outs;
}

/**
 * Plain-object test that excludes arrays, null and class instances such as `Secret`. Realm-independent:
 * google-protobuf's `toJavaScript()` objects come from Node's own realm, not jest's sandbox.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Secret) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
