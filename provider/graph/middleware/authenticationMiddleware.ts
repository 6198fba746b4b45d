import type { AuthenticationProvider, Context } from "@microsoft/microsoft-graph-client";
import { ChainedMiddleware } from "./chainedMiddleware";
import { setRequestHeader } from "./requestHeaders";

/**
 * Adds `Authorization: Bearer <token>` from the library's `TokenCredentialAuthenticationProvider` (which asks
 * our cached `@azure/identity` credential, so the token endpoint is called once per token lifetime, not per
 * request). We do not use the library's own `AuthenticationHandler`: it attaches a token only to https URLs
 * of Microsoft's Graph hosts (or `customHosts`) and silently strips it otherwise, so the emulator on
 * http://127.0.0.1 would get no token. Where tokens may go is decided by `PlainHttpGuardMiddleware`, just before.
 */
export class AuthenticationMiddleware extends ChainedMiddleware {
  constructor(private readonly authenticationProvider: AuthenticationProvider) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const token = await this.authenticationProvider.getAccessToken();
    setRequestHeader(context, "Authorization", `Bearer ${token}`);
    await this.sendNext(context);
  }
}
