import { descriptors } from "../schema";
import type { ResourceKind } from "../schema";
import { covers } from "./covers";
import { toDeclaredForm } from "./declaredForm";
import { unreadableChanged, unreadableReturned } from "./lastDeclared";
import { passwordChanged } from "./passwords";
import type { JsonObject } from "./types";

/**
 * The declared top-level Graph properties whose value differs from the last-read server value (in
 * descriptor order). A changed declared write-only secret (hash in `olds`) makes its top-level property
 * differ; so does a changed value Graph does not return (compared with the last declared one in `olds`).
 */
export function differingProperties(
  kind: ResourceKind,
  declared: JsonObject,
  lastRead: JsonObject,
  olds: JsonObject | undefined,
): string[] {
  const server = toDeclaredForm(kind, lastRead);
  const differing: string[] = [];
  for (const property of descriptors[kind].properties) {
    const value = declared[property];
    if (value === undefined) continue;
    const passwordProperty = descriptors[kind].writeOnly.some((path) => path.startsWith(`${property}.`));
    if (
      !covers(kind, value, server[property], property) ||
      (passwordProperty && passwordChanged(declared, olds, kind)) ||
      // Values Graph did return (AutoExpand) were compared with the tenant by covers: no last-declared record needed.
      (!unreadableReturned(kind, property, server) && unreadableChanged(kind, property, declared, olds))
    ) {
      differing.push(property);
    }
  }
  return differing;
}
