import { childPath, descriptors, elementPath, isPlainObject } from "../schema";
import type { ResourceKind, TypeDescriptor } from "../schema";
import { covers, findByKey } from "./covers";
import { toDeclaredForm } from "./declaredForm";
import { isAnnotation, stripAnnotations } from "./json";
import { kindOutputKey } from "./kindOutput";
import { passwordChanged } from "./passwords";
import type { DiffResult, JsonObject, PropertyChange } from "./types";

/**
 * Where `diffResource`'s changes are, down to the changed value, so a plan names each one with its old and new
 * value. The decision is `diffResource`'s (the same normalization through `covers`): this only locates it.
 * Paths follow the declared arguments (a keyed collection's element by its declared index); where the
 * arguments are unchanged the change is drift, shown against the outputs, whose element order is Graph's, so
 * such a path stops at the deepest place both orders agree on.
 */
export function locateChanges(
  kind: ResourceKind,
  decision: Omit<DiffResult, "detailedChanges">,
  declared: JsonObject,
  olds: JsonObject,
  oldInputs: JsonObject | undefined,
): PropertyChange[] {
  const descriptor = descriptors[kind];
  const previous = oldInputs ?? {};
  const changes: PropertyChange[] = [];
  for (const argument of decision.replaces) {
    // The kind is no argument: it is the `odataType` output that differs from the class declared (the stored
    // one is shown, from the outputs).
    if (argument === kindOutputKey) changes.push({ path: argument, kind: "update", replace: true, inputDiff: false });
    else changes.push({ path: argument, kind: presence(previous[argument], declared[argument]), replace: true, inputDiff: true });
  }
  const server = toDeclaredForm(kind, olds);
  for (const property of decision.changedProperties) {
    if (decision.replaces.includes(property)) continue;
    if (!descriptor.properties.includes(property)) {
      changes.push({ path: property, kind: presence(previous[property], declared[property]), replace: false, inputDiff: true });
      continue;
    }
    const found: PropertyChange[] = [];
    const walker = new ChangeWalker(descriptor, kind, declared, olds, previous, found);
    walker.walk(declared[property], server[property], property, property, property);
    // The rules said it differs; if no place was located, name the property itself rather than hide the change.
    changes.push(...(found.length > 0 ? found : [{ path: property, kind: "update" as const, replace: false, inputDiff: false }]));
  }
  return changes;
}

function presence(before: unknown, after: unknown): PropertyChange["kind"] {
  if (before === undefined || before === null) return "add";
  if (after === undefined || after === null) return "delete";
  return "update";
}

class ChangeWalker {
  constructor(
    private readonly d: TypeDescriptor,
    private readonly kind: ResourceKind,
    private readonly declared: JsonObject,
    private readonly olds: JsonObject,
    private readonly previous: JsonObject,
    private readonly found: PropertyChange[],
  ) {}

  /** `aligned`: the deepest path at which the declared and the server (outputs) coordinates still agree. */
  walk(declared: unknown, server: unknown, pattern: string, path: string, aligned: string): void {
    if (declared === undefined) return;
    if (this.d.writeOnly.includes(pattern)) {
      // Write-only (masked password): a change of the declared value, seen against the last arguments or the hash.
      const before = valueAt(this.previous, path);
      if (before !== declared && (before !== undefined || passwordChanged(this.declared, this.olds, this.kind))) this.record(path, aligned, server);
      return;
    }
    if (isPlainObject(declared)) {
      if (!isPlainObject(server)) return this.record(path, aligned, server);
      for (const [key, sub] of Object.entries(declared)) {
        if (isAnnotation(key)) continue;
        const at = childPath(path, key);
        this.walk(sub, server[key], childPath(pattern, key), at, aligned === path ? at : aligned);
      }
      return;
    }
    if (Array.isArray(declared)) return this.walkArray(declared, server, pattern, path, aligned);
    if (!covers(this.kind, declared, server, pattern)) this.record(path, aligned, server);
  }

  private walkArray(declared: unknown[], server: unknown, pattern: string, path: string, aligned: string): void {
    const list = Array.isArray(server) ? server : [];
    const key = this.d.keyedCollections[pattern];
    if (key !== undefined && list.length === declared.length) {
      const twins = declared.map((item) => findByKey(list, key, isPlainObject(item) ? item[key] : undefined));
      if (twins.every((twin) => twin !== undefined)) {
        declared.forEach((item, i) => {
          const at = elementPath(path, i);
          const sameIndex = list.indexOf(twins[i]) === i;
          this.walk(item, twins[i], `${pattern}[]`, at, aligned === path && sameIndex ? at : aligned);
        });
        return;
      }
    }
    const holdsWriteOnly = this.d.writeOnly.some((p) => p.startsWith(`${pattern}[]`));
    if (!covers(this.kind, declared, server, pattern) || (holdsWriteOnly && passwordChanged(this.declared, this.olds, this.kind))) {
      this.record(path, aligned, server);
    }
  }

  /**
   * A change at `path`. When the arguments changed there, the plan shows old argument => new argument; when
   * they did not (drift), old output => argument, at the deepest place the outputs agree with the arguments.
   */
  private record(path: string, aligned: string, server: unknown): void {
    const before = valueAt(this.previous, path);
    const after = valueAt(this.declared, path);
    if (!sameJson(before, after)) {
      this.found.push({ path, kind: presence(before, after), replace: false, inputDiff: true });
    } else if (aligned === path) {
      this.found.push({ path, kind: server === undefined || server === null ? "add" : "update", replace: false, inputDiff: false });
    } else if (!this.found.some((c) => c.path === aligned && !c.inputDiff)) {
      this.found.push({ path: aligned, kind: "update", replace: false, inputDiff: false });
    }
  }
}

/** The value at a printable path (`a.b[0].c`), or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[1] !== undefined) node = isPlainObject(node) ? node[match[1]] : undefined;
    else node = Array.isArray(node) ? node[Number(match[2])] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(stripAnnotations(a)) === JSON.stringify(stripAnnotations(b));
}
