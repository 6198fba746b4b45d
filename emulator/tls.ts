/**
 * `--tls`: a certificate generated at start (selfsigned) for 127.0.0.1, ::1 and localhost, signed by a CA
 * generated with it. The CA is written to a PEM file (path returned as `caFile`) so clients that insist on
 * https, like MSAL authorities, can trust it through NODE_EXTRA_CA_CERTS or an https agent.
 */
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { generate } from "selfsigned";

/** The server's key and certificate, and where the CA certificate was written. */
export interface TlsMaterial {
  key: string;
  cert: string;
  /** CA certificate PEM. */
  ca: string;
  /** File holding the CA certificate PEM (and the server certificate after it). */
  caFile: string;
}

/** Generates the CA and server certificate and writes the CA file in a fresh temp folder. */
export async function generateTlsMaterial(): Promise<TlsMaterial> {
  const notAfterDate = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const ca = await generate([{ name: "commonName", value: "industrydata-emulator local CA" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: "commonName", value: "127.0.0.1" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 7, ip: "::1" }, { type: 2, value: "localhost" }] },
    ],
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "industrydata-emulator-"));
  const caFile = path.join(dir, "ca.pem");
  await fs.writeFile(caFile, `${ca.cert.trim()}\n${server.cert.trim()}\n`, { mode: 0o644 });
  return { key: server.private, cert: server.cert, ca: ca.cert, caFile };
}
