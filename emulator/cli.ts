#!/usr/bin/env node
/**
 * `industrydata-emulator [--port N] [--tls] [--data FILE] [--token T] …`: starts the emulator, prints its Graph
 * base URL on the first line (then how to reach the token endpoint, admin API and CA file), and runs until
 * stopped (Ctrl-C / SIGTERM), flushing the data file on the way out.
 */
import { Command, InvalidArgumentError } from "commander";
import { DEFAULT_TENANT_ID, DEFAULT_TEST_CLIENT, startEmulator } from "./index";

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a non-negative integer");
  return n;
}

function patchStatus(value: string): 200 | 204 {
  if (value === "200" || value === "204") return Number(value) as 200 | 204;
  throw new InvalidArgumentError("expected 204 or 200");
}

function speed(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("expected a number ≥ 0");
  return n;
}

function storageMode(value: string): "lazy" | "eager" | "off" {
  if (value === "lazy" || value === "eager" || value === "off") return value;
  throw new InvalidArgumentError("expected lazy, eager or off");
}

/** Parses `argv` and runs the emulator until a signal arrives. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name("industrydata-emulator")
    .description("A local Microsoft Graph industryData (School Data Sync: outbound provisioning and inbound rostering) service.")
    .option("-p, --port <n>", "port to listen on (0 = any free port)", integer, 0)
    .option("--host <address>", "loopback address to listen on", "127.0.0.1")
    .option("--tls", "serve HTTPS with a generated certificate (its CA file is printed)", false)
    .option("--data <file>", "persist the tenant in this JSON file across restarts")
    .option("--token <token>", "also accept this static bearer token, with every right (or INDUSTRYDATA_EMULATOR_TOKEN)")
    .option("--page-size <n>", "items per page of a list", integer, 100)
    .option("--patch-response <status>", "PATCH answers 204 (default) or 200 with the entity", patchStatus, 204)
    .option("--clock-speed <n>", "speed of the clock validations and runs progress on (0 = frozen)", speed, 1)
    .option("--storage <mode>", "Azurite behind getUploadSession: lazy (on first use), eager, or off", storageMode, "lazy")
    .option("--auto-expand-inbound", "plain reads return the CSDL's AutoExpand navigations (user-matching roleGroup, connector sourceSystem) expanded", false)
    .option("--json", "print one JSON line with every URL instead of text", false)
    .parse(argv);
  const o = program.opts<{ port: number; host: string; tls: boolean; data?: string; token?: string; pageSize: number; patchResponse: 200 | 204; clockSpeed: number; storage: "lazy" | "eager" | "off"; autoExpandInbound: boolean; json: boolean }>();
  const staticToken = o.token ?? (process.env.INDUSTRYDATA_EMULATOR_TOKEN || undefined);
  const emu = await startEmulator({
    port: o.port, host: o.host, tls: o.tls, dataFile: o.data, staticToken, pageSize: o.pageSize, patchResponse: o.patchResponse, quiet: false,
    clockSpeed: o.clockSpeed, storage: o.storage, autoExpandInbound: o.autoExpandInbound,
  });
  if (o.json) {
    const { graphUrl, tokenUrl, adminUrl, authorityHost, caFile, port } = emu;
    console.log(JSON.stringify({ graphUrl, tokenUrl, adminUrl, authorityHost, caFile, port, tenantId: DEFAULT_TENANT_ID, clientId: DEFAULT_TEST_CLIENT.clientId }));
  } else {
    console.log(emu.graphUrl);
    // The test client's secret is documented (emulator/README.md), not printed: output may end up in CI logs.
    console.log(`  token endpoint : ${emu.tokenUrl} (any tenant id; test client ${DEFAULT_TEST_CLIENT.clientId})`);
    console.log(`  authority host : ${emu.authorityHost}`);
    console.log(`  admin API      : ${emu.adminUrl} (loopback only)`);
    if (staticToken) console.log("  static token   : accepted (as given)");
    if (emu.caFile) console.log(`  CA file        : ${emu.caFile} (NODE_EXTRA_CA_CERTS=${emu.caFile})`);
    if (o.data) console.log(`  data file      : ${o.data}`);
    console.log("Press Ctrl-C to stop.");
  }
  const stop = (signal: string) => {
    emu.stop().then(
      () => process.exit(0),
      (e) => {
        console.error(`industrydata-emulator: error while stopping after ${signal}: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  main(process.argv).catch((e: Error) => {
    console.error(`industrydata-emulator: ${e.message}`);
    process.exit(1);
  });
}
