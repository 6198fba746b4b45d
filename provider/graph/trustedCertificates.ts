import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";

/**
 * The CA list for https when `industrydata:caCertificatePath` is set: Node's bundled roots plus the PEM
 * certificates in that file (Node replaces its roots when given `ca`, so both must be listed).
 * `undefined` when no extra CA is configured.
 */
export function trustedCertificates(caCertificatePath: string | undefined): string[] | undefined {
  if (caCertificatePath === undefined) return undefined;
  let pem: string;
  try {
    pem = readFileSync(caCertificatePath, "utf8");
  } catch (error) {
    throw new Error(`industrydata:caCertificatePath: cannot read ${caCertificatePath}: ${(error as Error).message}`);
  }
  const certificates = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (certificates === null) {
    throw new Error(`industrydata:caCertificatePath: ${caCertificatePath} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  return [...rootCertificates, ...certificates];
}
