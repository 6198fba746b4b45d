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
    case "string":
      return { type: "string" };
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
      throw new Error("roleGroupNav is expanded by the owning complex type");
  }
}

function addProperty(p: PropDef, shape: SchemaShape, properties: Schema, required: string[]): void {
  if (p.type.kind === "roleGroupNav") {
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
