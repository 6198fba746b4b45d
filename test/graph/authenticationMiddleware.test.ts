/**
 * The bearer token string is kept until shortly before it expires, so a request costs a clock read rather than
 * the library provider's per-call path (which builds an Error with a stack each time); the token is still
 * acquired through the provider's credential, and any other AuthenticationProvider is asked per request.
 */
import type { AccessToken, TokenCredential } from "@azure/identity";
import type { AuthenticationProvider, Context, Middleware } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";
import { AuthenticationMiddleware } from "../../provider/graph/middleware/authenticationMiddleware";
import { getRequestHeader } from "../../provider/graph/middleware/requestHeaders";

const start = Date.parse("2026-03-01T12:00:00Z");
const minute = 60_000;

/** Stands in for the rest of the chain: records the Authorization header each request carried. */
class RecordingNext implements Middleware {
  readonly authorization: (string | undefined)[] = [];
  async execute(context: Context): Promise<void> {
    this.authorization.push(getRequestHeader(context, "Authorization"));
  }
}

/** A credential handing out token-1, token-2, … with the given lifetime, counting its calls. */
function countingCredential(options: { lifetimeMs: number; refreshAfterMs?: number; clock: { now: number } }) {
  const calls: { scopes: string | string[] }[] = [];
  const credential: TokenCredential = {
    async getToken(scopes): Promise<AccessToken> {
      calls.push({ scopes });
      const token: AccessToken = { token: `token-${calls.length}`, expiresOnTimestamp: options.clock.now + options.lifetimeMs, tokenType: "Bearer" };
      if (options.refreshAfterMs !== undefined) token.refreshAfterTimestamp = options.clock.now + options.refreshAfterMs;
      return token;
    },
  };
  return { credential, calls };
}

function setup(provider: AuthenticationProvider, clock: { now: number }) {
  const middleware = new AuthenticationMiddleware(provider, { now: () => clock.now });
  const next = new RecordingNext();
  middleware.setNext(next);
  const send = () => middleware.execute({ request: "https://graph.microsoft.com/beta/x", options: { method: "GET" } });
  return { next, send };
}

const scopes = ["https://graph.microsoft.com/.default"];

describe("AuthenticationMiddleware", () => {
  afterEach(() => jest.restoreAllMocks());

  it("asks the credential once for many requests while the token is fresh, not the provider's per-call path", async () => {
    const clock = { now: start };
    const { credential, calls } = countingCredential({ lifetimeMs: 60 * minute, clock });
    const perCall = jest.spyOn(TokenCredentialAuthenticationProvider.prototype, "getAccessToken");
    const { next, send } = setup(new TokenCredentialAuthenticationProvider(credential, { scopes }), clock);
    for (let i = 0; i < 5; i++) {
      await send();
      clock.now += 10 * minute;
    }
    expect(calls).toEqual([{ scopes }]);
    expect(next.authorization).toEqual(Array(5).fill("Bearer token-1"));
    expect(perCall).not.toHaveBeenCalled();
  });

  it.each([
    { name: "five minutes before expiry", lifetimeMs: 60 * minute, refreshAfterMs: undefined, renewAt: 55 * minute },
    { name: "at the token's refreshAfterTimestamp", lifetimeMs: 60 * minute, refreshAfterMs: 30 * minute, renewAt: 30 * minute },
  ])("asks again $name and sends the new token", async ({ lifetimeMs, refreshAfterMs, renewAt }) => {
    const clock = { now: start };
    const { credential, calls } = countingCredential({ lifetimeMs, refreshAfterMs, clock });
    const { next, send } = setup(new TokenCredentialAuthenticationProvider(credential, { scopes }), clock);
    await send();
    clock.now = start + renewAt - 1;
    await send();
    clock.now = start + renewAt;
    await send();
    expect(calls).toHaveLength(2);
    expect(next.authorization).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-2"]);
  });

  it("never keeps a token that expires within five minutes", async () => {
    const clock = { now: start };
    const { credential, calls } = countingCredential({ lifetimeMs: 4 * minute, clock });
    const { next, send } = setup(new TokenCredentialAuthenticationProvider(credential, { scopes }), clock);
    await send();
    await send();
    expect(calls).toHaveLength(2);
    expect(next.authorization).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("asks any other AuthenticationProvider on every request", async () => {
    let asked = 0;
    const provider: AuthenticationProvider = { getAccessToken: async () => `custom-${++asked}` };
    const { next, send } = setup(provider, { now: start });
    await send();
    await send();
    expect(next.authorization).toEqual(["Bearer custom-1", "Bearer custom-2"]);
  });

  it("fails with the library's error, sending nothing, when the credential has no token", async () => {
    const credential: TokenCredential = { getToken: async () => null };
    const { next, send } = setup(new TokenCredentialAuthenticationProvider(credential, { scopes }), { now: start });
    await expect(send()).rejects.toThrow("Cannot retrieve accessToken from the Token Credential object");
    expect(next.authorization).toEqual([]);
  });

  it("leaves empty scopes to the provider, which rejects them", async () => {
    const { credential, calls } = countingCredential({ lifetimeMs: 60 * minute, clock: { now: start } });
    const { next, send } = setup(new TokenCredentialAuthenticationProvider(credential, { scopes: [] }), { now: start });
    await expect(send()).rejects.toThrow("Scopes cannot be empty");
    expect(calls).toEqual([]);
    expect(next.authorization).toEqual([]);
  });
});
