/**
 * What Graph holds after a PATCH, as a later GET returns it: enough of the service's behaviour to check that
 * a PATCH body, once applied and read back, settles (the second diff finds nothing). Quirks reproduced, as
 * the reference describes them: a top-level complex value sent is replaced whole; passwords read back as a
 * fixed 15-asterisk mask; roleGroup@odata.bind reads back as an auto-expanded roleGroup (+ its context
 * annotation); nested @odata.type survives only on abstract-typed values (defaultPasswordSettings, filter);
 * reference codes come back lower-cased ("paraProfessional" -> "paraprofessional"). On top of that, this
 * server reverses every collection, since Graph does not promise order.
 */
type Json = Record<string, unknown>;

const mask = "***************";
const keepsOdataType = new Set(["defaultPasswordSettings", "filter"]);
const roleGroups: Record<string, Json> = {
  staff: { id: "staff", displayName: "Staff", roles: [{ code: "teacher" }, { code: "faculty" }] },
  students: { id: "students", displayName: "Students", roles: [{ code: "student" }] },
};

function readBack(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((element) => readBack(element, key)).reverse();
  if (value === null || typeof value !== "object") {
    if (key === "password" && typeof value === "string") return mask;
    if (key === "code" && typeof value === "string") return value.toLowerCase();
    return value;
  }
  const out: Json = {};
  for (const [k, sub] of Object.entries(value as Json)) {
    if (k === "@odata.type") {
      if (keepsOdataType.has(key)) out[k] = sub;
    } else if (k === "roleGroup@odata.bind") {
      const id = String(sub).split("/").pop() as string;
      out["roleGroup@odata.context"] = "https://graph.microsoft.com/beta/$metadata#external/industryData/outboundProvisioningFlowSets('s')/provisioningFlows('f')/microsoft.graph.industryData.userProvisioningFlow/creationOptions/configurations/roleGroup/$entity";
      out.roleGroup = roleGroups[id] ?? { id, displayName: id, roles: [] };
    } else {
      out[k] = readBack(sub, k);
    }
  }
  return out;
}

/** The entity Graph would return on the next GET after applying `body` to `stored`. */
export function graphReadBack(stored: Json, body: Json): Json {
  const next: Json = JSON.parse(JSON.stringify(stored));
  for (const [key, value] of Object.entries(body)) {
    if (key === "@odata.type") continue;
    next[key] = readBack(value, key);
  }
  next.lastModifiedDateTime = "2025-06-30T10:00:00.1234567Z";
  return next;
}
