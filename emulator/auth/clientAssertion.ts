/**
 * Verifies a `client_assertion` (urn:ietf:params:oauth:client-assertion-type:jwt-bearer) the way Entra ID
 * does, for the two kinds @azure/identity sends:
 * - certificate credentials (ClientCertificateCredential): iss = sub = client id, aud = the token endpoint,
 *   signed with the registered certificate's key (x5t / x5t#S256 must name that certificate);
 * - federated credentials (WorkloadIdentityCredential, ClientAssertionCredential): a token from a trusted
 *   external issuer (GitHub OIDC, …) with aud api://AzureADTokenExchange and a registered subject.
 */
import { createHash, X509Certificate } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, importSPKI, importX509, jwtVerify, KeyLike } from "jose";
import { FederatedIssuer, RegisteredClient } from "../options";
import { ClientRegistry } from "./clientRegistry";

/** A rejected assertion, with the AADSTS code Entra ID would give. */
export class AssertionError extends Error {
  override readonly name = "AssertionError";
  constructor(readonly aadsts: number, message: string) {
    super(message);
  }
}

const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"];
const CLOCK_TOLERANCE = "5m";

/** The first certificate block of a PEM (which may also hold a private key). */
export function firstCertificate(pem: string): string | undefined {
  return /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
}

function thumbprints(certPem: string): { x5t: string; x5tS256: string } {
  const der = new X509Certificate(certPem).raw;
  return {
    x5t: createHash("sha1").update(der).digest("base64url"),
    x5tS256: createHash("sha256").update(der).digest("base64url"),
  };
}

async function importKey(pem: string, alg: string): Promise<KeyLike> {
  const cert = firstCertificate(pem);
  return cert ? importX509(cert, alg) : importSPKI(pem, alg);
}

async function verifyCertificateAssertion(assertion: string, client: RegisteredClient, alg: string): Promise<void> {
  const cert = client.certificatePem && firstCertificate(client.certificatePem);
  if (!cert) throw new AssertionError(700027, `Client assertion failed signature validation: no certificate is registered for client '${client.clientId}'.`);
  const header = decodeProtectedHeader(assertion) as Record<string, unknown>;
  const prints = thumbprints(cert);
  const named = header["x5t#S256"] ?? header.x5t;
  if (named !== undefined && named !== prints.x5tS256 && named !== prints.x5t) {
    throw new AssertionError(700027, `The certificate with identifier used to sign the client assertion is not registered on application '${client.clientId}'.`);
  }
  try {
    const { payload } = await jwtVerify(assertion, await importX509(cert, alg), { issuer: client.clientId, subject: client.clientId, clockTolerance: CLOCK_TOLERANCE });
    const aud = ([] as unknown[]).concat(payload.aud ?? []);
    if (!aud.some((a) => typeof a === "string" && /\/oauth2\/v2\.0\/token$/i.test(a))) {
      throw new AssertionError(700024, "Client assertion audience claim does not match the token endpoint.");
    }
  } catch (e) {
    if (e instanceof AssertionError) throw e;
    throw new AssertionError(700027, `Client assertion failed signature validation: ${(e as Error).message}`);
  }
}

async function verifyFederatedAssertion(assertion: string, client: RegisteredClient, issuer: FederatedIssuer, alg: string): Promise<void> {
  let sub: string | undefined;
  try {
    const { payload } = await jwtVerify(assertion, await importKey(issuer.publicKeyPem, alg), {
      issuer: issuer.issuer,
      audience: issuer.audiences ?? ["api://AzureADTokenExchange"],
      clockTolerance: CLOCK_TOLERANCE,
    });
    sub = payload.sub;
  } catch (e) {
    throw new AssertionError(700211, `The federated assertion from issuer '${issuer.issuer}' is not valid: ${(e as Error).message}`);
  }
  if (!sub || !(client.federatedSubjects ?? []).includes(sub)) {
    throw new AssertionError(70021, `No matching federated identity record found for presented assertion subject '${sub}' on application '${client.clientId}'.`);
  }
}

/** Resolves when `assertion` authenticates `client`; throws an `AssertionError` otherwise. */
export async function verifyClientAssertion(assertion: string, client: RegisteredClient, registry: ClientRegistry): Promise<void> {
  let alg: string;
  let iss: string | undefined;
  try {
    alg = String(decodeProtectedHeader(assertion).alg);
    iss = decodeJwt(assertion).iss;
  } catch {
    throw new AssertionError(50027, "The client assertion is not a well-formed JWT.");
  }
  if (!ALGORITHMS.includes(alg)) throw new AssertionError(50027, `Unsupported client assertion algorithm '${alg}'.`);
  if (iss && iss.toLowerCase() === client.clientId.toLowerCase()) return verifyCertificateAssertion(assertion, client, alg);
  const issuer = iss ? registry.issuer(iss) : undefined;
  if (!issuer) throw new AssertionError(700211, `No matching federated identity record found for presented assertion issuer '${iss}'.`);
  return verifyFederatedAssertion(assertion, client, issuer, alg);
}
