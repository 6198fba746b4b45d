/**
 * Builds JSON schemas (for ajv) from the EDM descriptions in edm.ts, in two shapes:
 * - "write": a request body as a client sends it (annotations, `roleGroup@odata.bind`, clear password);
 * - "stored": the tenant state as the emulator keeps it (no annotations, `roleGroupId`, password hash).
 * Nullable properties accept null; NN (Nullable="false") properties are required inside complex values.
 */
import { ComplexDef, EntityDef, NAMESPACE, PropDef, PropType, odataType } from "./edm";

export type SchemaShape = "write" | "stored";
type Schema = Record<string, unknown>;

/** The two accepted spellings of a type annotation: with '#' (Graph's) and without (seed 001 sends that). */
export function odataTypeSchema(name: string): Schema {
  return { type: "string", enum: [odataType(name), `${NAMESPACE}.${name}`], title: "@odata.type" };
}

function withNull(schema: Schema, nullable: boolean): Schema {
  if (!nullable) return schema;
  const out: Schema = { ...schema, type: [schema.type as string, "null"] };
  if (Array.isArray(schema.enum)) out.enum = [...(schema.enum as unknown[]), null];
  return out;
}

function typeSchema(type: PropType, shape: SchemaShape): Schema {
  switch (type.kind) {
    case "string": {
      const out: Schema = { type: "string" };
      if (type.maxLength !== undefined) out.maxLength = type.maxLength;
      if (type.format) out.format = type.format;
      return out;
    }
    case "int32":
      return { type: "integer", minimum: -2147483648, maximum: 2147483647, title: "Edm.Int32" };
    case "date":
      return { type: "string", format: "edmDate" };
    case "dateTimeOffset":
      return { type: "string", format: "edmDateTimeOffset" };
    case "polymorphic":
      return polymorphicSchema(type.base, type.types, shape);
    case "boolean":
      return { type: "boolean" };
    case "enum":
      return { type: "string", enum: [...type.enum.members], title: `${NAMESPACE}.${type.enum.name}` };
    case "collection":
      return { type: "array", items: typeSchema(type.item, shape) };
    case "complex":
      return complexSchema(type.complex, shape);
    case "password":
    case "referenceCode":
      return { type: "string", minLength: 1 };
    case "roleGroupNav":
    case "nav":
    case "secret":
      throw new Error(`${type.kind} is written by the owning type`);
  }
}

/**
 * A value of an abstract complex type: `@odata.type` picks the concrete one (ajv's discriminator, so an error
 * names the chosen type's property rather than every alternative's). The stored shape keeps the tag.
 */
function polymorphicSchema(base: string, types: readonly ComplexDef[], shape: SchemaShape): Schema {
  const oneOf = types.map((t) => {
    const s = complexSchema(t, shape);
    if (shape === "write") return s;
    return { ...s, properties: { "@odata.type": { const: odataType(t.name) }, ...(s.properties as Schema) }, required: ["@odata.type", ...(s.required as string[])] };
  });
  return { type: "object", title: `${NAMESPACE}.${base}`, required: ["@odata.type"], discriminator: { propertyName: "@odata.type" }, oneOf };
}

function addProperty(p: PropDef, shape: SchemaShape, properties: Schema, required: string[]): void {
  if (p.serverSet && shape === "write") {
    // The service sets it: a client sending it is told so (the read-only rule of the outbound side).
    properties[p.name] = { readOnly: true, not: {} };
    return;
  }
  if (p.type.kind === "nav" || p.type.kind === "roleGroupNav") {
    if (shape === "write") {
      properties[`${p.name}@odata.bind`] = { type: "string", minLength: 1 };
      // A navigation cannot be written inline (roleGroup is expanded on read, bound on write).
      properties[p.name] = false;
      if (!p.nullable) required.push(`${p.name}@odata.bind`);
    } else {
      properties[`${p.name}Id`] = { type: "string", minLength: 1 };
      if (!p.nullable) required.push(`${p.name}Id`);
    }
    return;
  }
  if (p.type.kind === "secret") {
    if (shape === "write") {
      properties[p.name] = { type: "string", minLength: 1, writeOnly: true };
      if (!p.nullable) required.push(p.name);
    } else {
      // Kept as a salted hash; PUT state may give it in clear, hashed on the way in.
      properties[`${p.name}Hash`] = { type: "string", minLength: 1 };
      properties[p.name] = { type: "string", minLength: 1 };
    }
    return;
  }
  if (p.type.kind === "password" && shape === "stored") {
    // Stored as a salted hash; a clear `password` is also accepted in PUT state and hashed on the way in.
    properties.passwordHash = { type: "string", minLength: 1 };
    properties.password = { type: "string", minLength: 1 };
    return;
  }
  if (p.droppedOnWrite && shape === "stored") return;
  properties[p.name] = withNull(typeSchema(p.type, shape), p.nullable);
  if (!p.nullable) required.push(p.name);
}

/** Schema for one complex type. */
export function complexSchema(def: ComplexDef, shape: SchemaShape): Schema {
  const properties: Schema = {};
  const required: string[] = [];
  if (shape === "write") {
    properties["@odata.type"] = odataTypeSchema(def.name);
    // A value of an abstract declared type must say which concrete type it is.
    if (def.abstractBase) required.push("@odata.type");
    if (def.referenceValue) properties["value@odata.bind"] = { type: "string", minLength: 1 };
  }
  for (const p of def.properties) addProperty(p, shape, properties, required);
  if (def.referenceValue && shape === "stored") required.push("code");
  if (def.name === "simplePasswordSettings" && shape === "stored") {
    return { type: "object", title: `${NAMESPACE}.${def.name}`, properties, additionalProperties: false,
      anyOf: [{ required: ["passwordHash"] }, { required: ["password"] }] };
  }
  return { type: "object", title: `${NAMESPACE}.${def.name}`, properties, required, additionalProperties: false };
}

/** Options for an entity body schema. */
export interface EntitySchemaOptions {
  shape: SchemaShape;
  /** Require the NN properties (create, and a flow PATCH, whose NN property Graph's docs mark Required). */
  requireNonNullable: boolean;
  /** Whether `@odata.type` must be present (flows: the base type is abstract). */
  requireOdataType: boolean;
}

/** Schema for an entity's writable properties (computed ones are checked before, by the route). */
export function entitySchema(def: EntityDef, options: EntitySchemaOptions): Schema {
  const properties: Schema = {};
  const required: string[] = [];
  if (options.shape === "write") properties["@odata.type"] = odataTypeSchema(def.name);
  if (options.requireOdataType) required.push("@odata.type");
  const nnRequired: string[] = [];
  for (const p of def.properties) addProperty(p, options.shape, properties, nnRequired);
  if (options.requireNonNullable) required.push(...nnRequired);
  return { type: "object", title: `${NAMESPACE}.${def.name}`, properties, required, additionalProperties: false };
}
