import type { TokenCredential } from "@azure/identity";
import type { AuthenticationProvider, Context } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";
import { AccessTokenCache } from "../accessTokenCache";
import { ChainedMiddleware } from "./chainedMiddleware";
import { setRequestHeader } from "./requestHeaders";

/**
 * Adds `Authorization: Bearer <token>` from the library's `TokenCredentialAuthenticationProvider` (which asks
 * our cached `@azure/identity` credential, so the token endpoint is called once per token lifetime, not per
 * request). We do not use the library's own `AuthenticationHandler`: it attaches a token only to https URLs
 * of Microsoft's Graph hosts (or `customHosts`) and silently strips it otherwise, so the emulator on
 * http://127.0.0.1 would get no token. Where tokens may go is decided by `PlainHttpGuardMiddleware`, just before.
 *
 * The token string itself is kept until shortly before it expires: the provider's `getAccessToken` builds an
 * Error (stack captured) on every call, whether or not it throws, which is most of the per-request cost of
 * authentication. For that the middleware asks the provider's credential directly; any other
 * `AuthenticationProvider` is asked on every request.
 */
export class AuthenticationMiddleware extends ChainedMiddleware {
  private readonly cache?: AccessTokenCache;

  constructor(
    private readonly authenticationProvider: AuthenticationProvider,
    options: { now?: () => number } = {},
  ) {
    super();
    const source = credentialOf(authenticationProvider);
    if (source !== undefined) {
      this.cache = new AccessTokenCache({ acquire: () => source.credential.getToken(source.scopes, source.getTokenOptions), ...options });
    }
  }

  async execute(context: Context): Promise<void> {
    // A credential without a token: the provider's own path raises the library's error for it.
    const token = (await this.cache?.token()) ?? (await this.authenticationProvider.getAccessToken());
    setRequestHeader(context, "Authorization", `Bearer ${token}`);
    await this.sendNext(context);
  }
}

/** What a `TokenCredentialAuthenticationProvider` was built with (its fields are private in the typings). */
interface TokenCredentialProviderFields {
  tokenCredential?: TokenCredential;
  authenticationProviderOptions?: { scopes?: string[]; getTokenOptions?: Parameters<TokenCredential["getToken"]>[1] };
}

/** The credential and scopes behind the library's provider, or undefined for any other provider. */
function credentialOf(provider: AuthenticationProvider) {
  if (!(provider instanceof TokenCredentialAuthenticationProvider)) return undefined;
  const { tokenCredential, authenticationProviderOptions } = provider as unknown as TokenCredentialProviderFields;
  const scopes = authenticationProviderOptions?.scopes;
  // Empty scopes: left to the provider, which rejects them with its own error.
  if (tokenCredential === undefined || scopes === undefined || scopes.length === 0) return undefined;
  return { credential: tokenCredential, scopes, getTokenOptions: authenticationProviderOptions?.getTokenOptions };
}
