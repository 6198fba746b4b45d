import { envNameFor } from "../config";
import type { JsonObject } from "../reconcile";
import { pulumiUnknownValue } from "../schema";

/**
 * The tenant a provider configuration points at: `tenantId` as configured, else what the credential would
 * fall back to (`INDUSTRYDATA_TENANT_ID`, then `AZURE_TENANT_ID`, which @azure/identity reads); undefined when
 * none is set (the static token of the emulator, a managed identity's own tenant).
 */
function effectiveTenant(values: JsonObject, env: NodeJS.ProcessEnv): string | undefined {
  const candidates = [values.tenantId, env[envNameFor("tenantId")], env.AZURE_TENANT_ID];
  const found = candidates.find((value): value is string => typeof value === "string" && value.trim() !== "");
  return found?.trim().toLowerCase();
}

/**
 * `{ from, to }` when the new provider configuration points at another tenant than the old one, else
 * undefined. A value not known yet (preview of a tenantId computed elsewhere) decides nothing: DiffConfig is
 * asked again with the known value. Tenant ids and domains compare case-insensitively.
 */
export function tenantChange(olds: JsonObject, news: JsonObject, env: NodeJS.ProcessEnv): { from?: string; to?: string } | undefined {
  if (news.tenantId === pulumiUnknownValue) return undefined;
  const from = effectiveTenant(olds, env);
  const to = effectiveTenant(news, env);
  return from === to ? undefined : { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}
