/**
 * The Entra ID (Azure AD v2) endpoints @azure/identity / MSAL use with `authorityHost` = the emulator origin
 * (and `disableInstanceDiscovery: true`): OAuth2 client-credentials token endpoint (client_secret or
 * client_assertion), OpenID configuration, JWKS, and instance discovery. Errors use Entra's shape
 * (`error`, `error_description` with an AADSTS code, `error_codes`, …), not Graph's.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AssertionError, verifyClientAssertion } from "../auth/clientAssertion";
import { EmulatorContext } from "../context";
import { requestOrigin } from "./odata";

const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const GRAPH_DEFAULT_SCOPES = ["https://graph.microsoft.com/.default", "00000003-0000-0000-c000-000000000000/.default"];

function aadError(reply: FastifyReply, request: FastifyRequest, status: number, error: string, aadsts: number, description: string) {
  // Entra's format: "2024-03-25 21:55:03Z".
  const timestamp = `${new Date().toISOString().replace("T", " ").slice(0, 19)}Z`;
  return reply.code(status).send({
    error,
    error_description: `AADSTS${aadsts}: ${description} Trace ID: ${request.id} Correlation ID: ${request.clientRequestId} Timestamp: ${timestamp}`,
    error_codes: [aadsts],
    timestamp,
    trace_id: request.id,
    correlation_id: request.clientRequestId,
  });
}

function openIdConfiguration(origin: string, tenantId: string) {
  const base = `${origin}/${tenantId}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "tid", "ver"],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: "EU",
    cloud_instance_name: "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: "graph.microsoft.com",
    rbac_url: "https://pas.windows.net",
  };
}

/** Registers the identity endpoints. */
export function tokenRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post("/:tenantId/oauth2/v2.0/token", async (request, reply) => {
    const { tenantId } = request.params as { tenantId: string };
    const form = (request.body ?? {}) as Record<string, string | undefined>;
    if (form.grant_type !== "client_credentials") {
      return aadError(reply, request, 400, "unsupported_grant_type", 70003, `The grant type '${form.grant_type ?? ""}' is not supported; the emulator issues client_credentials tokens.`);
    }
    const scopes = (form.scope ?? "").split(" ").filter(Boolean);
    if (!scopes.some((s) => GRAPH_DEFAULT_SCOPES.includes(s.toLowerCase()))) {
      return aadError(reply, request, 400, "invalid_scope", 1002012, `The provided value for scope '${form.scope ?? ""}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (https://graph.microsoft.com/.default).`);
    }
    const client = form.client_id ? ctx.clients.get(form.client_id) : undefined;
    if (!client) {
      return aadError(reply, request, 400, "unauthorized_client", 700016, `Application with identifier '${form.client_id ?? ""}' was not found in the directory '${tenantId}'.`);
    }
    if (form.client_secret !== undefined) {
      if (!client.clientSecret || !sameSecret(form.client_secret, client.clientSecret)) {
        return aadError(reply, request, 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
      }
    } else if (form.client_assertion !== undefined) {
      if (form.client_assertion_type !== JWT_BEARER) {
        return aadError(reply, request, 400, "invalid_request", 50027, `client_assertion_type must be '${JWT_BEARER}'.`);
      }
      try {
        await verifyClientAssertion(form.client_assertion, client, ctx.clients);
      } catch (e) {
        if (!(e instanceof AssertionError)) throw e;
        return aadError(reply, request, 401, "invalid_client", e.aadsts, e.message);
      }
    } else {
      return aadError(reply, request, 401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    const access_token = await ctx.issuer.issue({
      issuerBase: requestOrigin(request),
      tenantId,
      clientId: client.clientId,
      roles: client.roles,
      lifetimeSeconds: ctx.options.tokenLifetimeSeconds,
    });
    const lifetime = ctx.options.tokenLifetimeSeconds;
    return { token_type: "Bearer", expires_in: lifetime, ext_expires_in: lifetime, access_token };
  });

  for (const path of ["/:tenantId/v2.0/.well-known/openid-configuration", "/:tenantId/.well-known/openid-configuration"]) {
    app.get(path, async (request) => openIdConfiguration(requestOrigin(request), (request.params as { tenantId: string }).tenantId));
  }
  app.get("/:tenantId/discovery/v2.0/keys", async () => ctx.issuer.jwks());

  // Instance discovery, in case a client asks the configured host (MSAL normally asks login.microsoftonline.com,
  // hence `disableInstanceDiscovery: true`).
  app.get("/common/discovery/instance", async (request) => {
    const host = new URL(requestOrigin(request)).host;
    return {
      tenant_discovery_endpoint: `${requestOrigin(request)}/common/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    };
  });
}

/** Constant-time secret comparison (hashing first gives equal lengths), as a token service must do. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
