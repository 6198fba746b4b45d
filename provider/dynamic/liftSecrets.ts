/**
 * The dynamic resources' carriage of write-only values (passwords, client secrets). Pulumi encrypts, masks and
 * diffs a dynamic resource's inputs by property: one secret inside `creationOptions.configurations` (an array)
 * makes the whole array one `[secret]` in plans and state, and no reviewer can read a license change. So each
 * write-only value the descriptor lists in `liftedSecrets` travels in its own secret input
 * (`defaultPasswords: { students: <password> }`), and the property around it stays plain.
 *
 * Pulumi masks every secret as the same `[secret]` before it diffs values for display, so a rotated password
 * would show no change at all. In the stored inputs the value's place therefore holds a plain revision marker,
 * `"[secret #2]"`, counted up by `check` each time the value differs from the previous one: the plan names the
 * change (`~ password: "[secret #1]" => "[secret #2]"`) and shows nothing of the value. A marker is never a
 * value: laying the secrets back always replaces or removes it.
 *
 * The class lifts (liftSecrets, inside an `apply`); the dynamic provider lays the values back
 * (layBackSecrets) before anything else sees the inputs, so validation and provider/reconcile always get
 * Graph-shaped declared inputs with each value in place, as the provider plugin front end hands them over.
 * Pure JSON in and out: one generic walk driven by the descriptors, no rule per resource.
 */
import { deepCopy } from "../reconcile";
import { descriptors, forEachAt, isPlainObject, pulumiUnknownValue, type LiftedSecret, type ResourceKind } from "../schema";

type Json = Record<string, unknown>;

/** Where one lifted value sits: the collection elements (or the root) holding it, and the path below them. */
interface Location {
  /** Pattern of the innermost collection element (`creationOptions.configurations[]`), or "" for the root. */
  elements: string;
  /** Property names from the element down to the object holding the value (`["defaultPasswordSettings"]`). */
  parents: string[];
  /** The value's own property name (`password`). */
  leaf: string;
}

function locate(path: string): Location {
  const cut = path.lastIndexOf("[].");
  const elements = cut < 0 ? "" : path.slice(0, cut + 2);
  const names = (cut < 0 ? path : path.slice(cut + 3)).split(".");
  return { elements, parents: names.slice(0, -1), leaf: names[names.length - 1] };
}

/** Calls `visit` with every element (or the root) a location starts from, and its index (-1 for the root). */
function forEachElement(root: Json, elements: string, visit: (element: Json, index: number) => void): void {
  if (elements === "") {
    visit(root, -1);
    return;
  }
  forEachAt(root, elements, (_array, index, element) => {
    if (isPlainObject(element)) visit(element, Number(index));
  });
}

/** The object holding the value under an element, or undefined when a level is missing. */
function holderOf(element: Json, parents: string[]): Json | undefined {
  let node: unknown = element;
  for (const name of parents) node = isPlainObject(node) ? node[name] : undefined;
  return isPlainObject(node) ? node : undefined;
}

/**
 * The key of an element in the lifted map: its `keyedBy` value, else its position (`[1]`), so a value whose
 * key is missing (an input validation then rejects) is still never left in the plain property.
 */
function keyOf(element: Json, index: number, lifted: LiftedSecret): string {
  const key = lifted.keyedBy === undefined ? undefined : element[lifted.keyedBy];
  return typeof key === "string" ? key : `[${index}]`;
}

const MARKER = /^\[secret #(\d+)\]$/;

/** The plain marker standing in a stored input for the `revision`-th value of a secret. */
export function secretMarker(revision: number): string {
  return `[secret #${revision}]`;
}

/** The revision a marker records, or undefined for anything else (a value in place, from an older state). */
function markerRevision(value: unknown): number | undefined {
  const match = typeof value === "string" ? MARKER.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

/** What the previous inputs held for one element: the value and the revision its marker recorded. */
function previousOf(previous: Json | undefined, path: string, lifted: LiftedSecret, key: string): { value: unknown; revision?: number } {
  if (previous === undefined) return { value: undefined };
  const { elements, parents, leaf } = locate(path);
  let found: { value: unknown; revision?: number } = { value: undefined };
  forEachElement(previous, elements, (element, index) => {
    const holder = holderOf(element, parents);
    if (holder === undefined || keyOf(element, index, lifted).toLowerCase() !== key.toLowerCase()) return;
    const revision = markerRevision(holder[leaf]);
    if (revision === undefined) {
      found = { value: holder[leaf] }; // an older state: the value itself in place
      return;
    }
    const carried = previous[lifted.input];
    found = { value: lifted.keyedBy === undefined ? carried : isPlainObject(carried) ? carried[keyOf(element, index, lifted)] : undefined, revision };
  });
  return found;
}

/** Options of liftSecrets. */
export interface LiftOptions {
  /**
   * The previous stored inputs (lifted, with markers; or from an older state, values in place). When given,
   * each value's place gets its revision marker: the previous revision when the value is unchanged, else the
   * next. Without it (the class, before the provider sees the inputs) the place is left empty.
   */
  previous?: Json;
}

/**
 * A copy of a resource's inputs with each write-only value moved into its secret input: a map by key for a
 * value in a collection, the value itself otherwise. An input with nothing to carry is left out.
 */
export function liftSecrets(kind: ResourceKind, inputs: Json, options: LiftOptions = {}): Json {
  const entries = Object.entries(descriptors[kind].liftedSecrets);
  if (entries.length === 0) return inputs;
  const out = deepCopy(inputs);
  for (const [path, lifted] of entries) {
    const { elements, parents, leaf } = locate(path);
    const byKey: Json = {};
    let single: unknown;
    forEachElement(out, elements, (element, index) => {
      const holder = holderOf(element, parents);
      if (holder === undefined || holder[leaf] === undefined || markerRevision(holder[leaf]) !== undefined) return;
      const value = holder[leaf];
      const key = keyOf(element, index, lifted);
      if (lifted.keyedBy === undefined) single = value;
      else byKey[key] = value;
      delete holder[leaf];
      if (options.previous === undefined) return;
      const before = previousOf(options.previous, path, lifted, key);
      const revision = before.revision ?? (before.value === undefined ? 0 : 1);
      holder[leaf] = secretMarker(before.value === value ? Math.max(revision, 1) : revision + 1);
    });
    const value = lifted.keyedBy === undefined ? single : Object.keys(byKey).length > 0 ? byKey : undefined;
    if (value !== undefined) out[lifted.input] = value;
  }
  return out;
}

/**
 * A copy of a resource's inputs in Graph's shape: each secret input laid back where its values came from (over
 * the revision marker), and removed; a marker left without a value is removed too, so it can never be sent.
 * A value not known yet (preview) is laid into every object that held one, so validation leaves it for later
 * and the diff counts it as a change. Inputs without secret inputs (a state written before values were
 * lifted, the value in place) come back as they are.
 */
export function layBackSecrets(kind: ResourceKind, inputs: Json): Json {
  const entries = Object.entries(descriptors[kind].liftedSecrets);
  if (entries.length === 0) return inputs;
  const out = deepCopy(inputs);
  for (const [path, lifted] of entries) {
    const carried = out[lifted.input];
    delete out[lifted.input];
    const { elements, parents, leaf } = locate(path);
    forEachElement(out, elements, (element, index) => {
      const holder = holderOf(element, parents);
      if (holder === undefined) return;
      const value =
        carried === pulumiUnknownValue || lifted.keyedBy === undefined
          ? carried
          : isPlainObject(carried)
            ? carried[keyOf(element, index, lifted)]
            : undefined;
      if (value !== undefined && value !== null) holder[leaf] = value;
      else if (markerRevision(holder[leaf]) !== undefined) delete holder[leaf];
    });
  }
  return out;
}
