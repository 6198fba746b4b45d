/**
 * Interrupted creates (pure rules; the caller lists the siblings and acts on the answer). Graph takes no
 * client-chosen id and no idempotency key, and Pulumi records a create as pending before it calls the provider:
 * when a run dies after its POST reached Graph but before the answer was recorded, the next `up` creates the
 * resource again. So a create first looks, among the siblings it would join, for the entity that create made:
 * same kind, same natural key (descriptor.naturalKey), and no create-only value that differs (a replacement whose
 * create-only value changed is a new entity beside the old, not a twin). A twin found is never adopted silently
 * (it may be someone else's, made in the portal): the create is refused with the commands that take it over (the
 * provider config `takeOver` naming its id, for one run). Pulumi's own `refresh --import-pending-creates` is no
 * way out: Pulumi 3.259 drops the pending create it was told to import (measured), leaving the entity unmanaged.
 */
import { descriptorForOdataType, descriptors, type ResourceKind } from "../schema";
import { createOnlyConflicts } from "./diffResource";
import type { JsonObject } from "./types";

/** The sibling a create of `declared` would duplicate, or undefined (the kind has no natural key, or none matches). */
export function findTwin(kind: ResourceKind, declared: JsonObject, siblings: readonly JsonObject[]): JsonObject | undefined {
  const { naturalKey } = descriptors[kind];
  if (naturalKey === undefined) return undefined;
  return siblings.find(
    (entity) =>
      isOfKind(kind, entity) &&
      naturalKey.every((property) => sameKeyValue(declared[property], entity[property])) &&
      createOnlyConflicts(kind, declared, entity).length === 0,
  );
}

/** What names the twin and the resource in a refusal. */
export interface TwinRefusal {
  kind: ResourceKind;
  declared: JsonObject;
  twin: JsonObject;
  /** The Pulumi id the twin would have as this resource (`<setId>/<flowId>` for a flow). */
  twinResourceId: string;
  /** The resource's URN when the front end knows it (the plugin's CreateRequest carries it): Pulumi's warning names it. */
  urn?: string;
}

/** The error that refuses a create beside its twin, naming the twin and the exact ways to take it over. */
export function twinError({ kind, declared, twin, twinResourceId, urn }: TwinRefusal): Error {
  const descriptor = descriptors[kind];
  const twinId = String(twin.id);
  const found = descriptor.isFlow
    ? // The wording of the one-flow-per-kind rule, kept: it names the set, the kind and the flow.
      `flow set ${String(declared.flowSetId)} already holds a ${descriptor.graphType} (flow ${twinId}); a flow set holds at ` +
      `most one flow of each kind, so none was created.`
    : `the tenant already holds a ${descriptor.noun} ${describeKey(kind, declared)}(id ${twinId}), so none was created: ` +
      `Graph cannot tell a repeated create from a new one, and a second would duplicate it.`;
  const otherwise = descriptor.isFlow
    ? `adopt it with ${descriptor.adoptArgument}: "${twinId}", or use another flow set`
    : `adopt it with ${descriptor.adoptArgument}: "${twinId}" (destroy then leaves it in the tenant), or give this ` +
      `resource another ${descriptor.naturalKey?.join(" and ") ?? "name"}`;
  return new Error(
    `${found} If an interrupted \`pulumi up\` created it for this resource (Pulumi then warns of a pending create of ` +
      `${urn ?? "it"}), take it over as this resource's own (destroy deletes it): run \`pulumi refresh ` +
      `--clear-pending-creates --yes\` (Pulumi forgets the interrupted create), then ` +
      `\`INDUSTRYDATA_TAKE_OVER=${shellQuote(twinResourceId)} pulumi up --yes\` (several ids: comma-separated; ` +
      `\`industrydata orphans\` lists every entity the stack does not manage). If it is someone else's, ${otherwise}.`,
  );
}

/** `named "X" ` for a kind named by one property, `` for a kind named by none. */
function describeKey(kind: ResourceKind, declared: JsonObject): string {
  const key = descriptors[kind].naturalKey ?? [];
  if (key.length === 0) return "";
  return `${key.map((property) => `${property === "displayName" ? "named" : `with ${property}`} ${JSON.stringify(declared[property])}`).join(" ")} `;
}

/** A polymorphic collection holds several kinds: only an entity of this kind is a twin (any flow kind for the base). */
function isOfKind(kind: ResourceKind, entity: JsonObject): boolean {
  const descriptor = descriptors[kind];
  if (!descriptor.polymorphic) return true;
  const odataType = entity["@odata.type"];
  const actual = typeof odataType === "string" ? descriptorForOdataType(odataType) : undefined;
  return descriptor.abstract ? actual?.isFlow === true : actual === descriptor;
}

/**
 * Names compare as a person reads them: case and surrounding blanks aside (the wider match errs towards refusing
 * a create, never towards a duplicate). Other values compare as JSON; undeclared matches absent or null.
 */
function sameKeyValue(declared: unknown, held: unknown): boolean {
  if (typeof declared === "string" && typeof held === "string") return declared.trim().toLowerCase() === held.trim().toLowerCase();
  return JSON.stringify(declared ?? null) === JSON.stringify(held ?? null);
}

/** Quotes a shell word when it needs it (a URN holds `$` and `:`), so the command can be pasted as it is. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) && !word.includes("$") ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
