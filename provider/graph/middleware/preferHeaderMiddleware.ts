import type { Context } from "@microsoft/microsoft-graph-client";
import { ChainedMiddleware } from "./chainedMiddleware";
import { getRequestHeader, setRequestHeader } from "./requestHeaders";

/** The preference every request carries. */
export const PREFER_UNKNOWN_ENUM_MEMBERS = "include-unknown-enum-members";

/**
 * Graph quirk (evolvable enums): members added after `unknownFutureValue` are returned only when the request
 * sends `Prefer: include-unknown-enum-members`; without it they read back as `unknownFutureValue` and would
 * show as drift. Adds the preference to every request, keeping any other preference already set.
 */
export class PreferHeaderMiddleware extends ChainedMiddleware {
  async execute(context: Context): Promise<void> {
    const existing = getRequestHeader(context, "Prefer");
    if (existing === undefined || existing.trim() === "") {
      setRequestHeader(context, "Prefer", PREFER_UNKNOWN_ENUM_MEMBERS);
    } else if (!existing.toLowerCase().includes(PREFER_UNKNOWN_ENUM_MEMBERS)) {
      setRequestHeader(context, "Prefer", `${existing}, ${PREFER_UNKNOWN_ENUM_MEMBERS}`);
    }
    await this.sendNext(context);
  }
}
