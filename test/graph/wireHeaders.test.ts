import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { Context } from "@microsoft/microsoft-graph-client";
import { createGraphClient, isGraphError, type GraphError } from "../../provider/graph";
import { PlainHttpGuardMiddleware } from "../../provider/graph/middleware/plainHttpGuardMiddleware";
import { startLeakScan } from "../support/leakScan";
import { STATIC_TOKEN, UUID, staticTokenConfig } from "./fixtures";

/** A request as the recording server saw it. */
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP server that records exactly what arrives on the wire (the emulator does not log headers) and
 * answers from a script. Used for what only the wire shows: headers, retries of one request, redirects.
 */
async function recordingServer(answer: (seen: Seen, index: number) => { status: number; headers?: Record<string, string>; body?: unknown }) {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const entry = { method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      seen.push(entry);
      const reply = answer(entry, seen.length - 1);
      const body = reply.body === undefined ? "" : JSON.stringify(reply.body);
      response.writeHead(reply.status, { ...(body ? { "content-type": "application/json" } : {}), ...reply.headers });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { seen, origin, graphUrl: `${origin}/beta`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("what goes on the wire", () => {
  it("sends Prefer: include-unknown-enum-members, a bearer token, a client-request-id and JSON on every request", async () => {
    const server = await recordingServer((seen) => (seen.method === "PATCH" ? { status: 204 } : { status: 200, body: { value: [], id: "x" } }));
    const client = createGraphClient(staticTokenConfig(server.graphUrl));
    try {
      await client.get("/external/industryData/roleGroups/staff");
      await client.list("/external/industryData/roleGroups");
      await client.patch("/external/industryData/outboundProvisioningFlowSets/1", { displayName: "x" });
      await client.post("/external/industryData/outboundProvisioningFlowSets", { displayName: "y" });
      await client.delete("/external/industryData/outboundProvisioningFlowSets/1");
      expect(server.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
        "GET /beta/external/industryData/roleGroups/staff",
        "GET /beta/external/industryData/roleGroups",
        "PATCH /beta/external/industryData/outboundProvisioningFlowSets/1",
        "POST /beta/external/industryData/outboundProvisioningFlowSets",
        "DELETE /beta/external/industryData/outboundProvisioningFlowSets/1",
      ]);
      for (const request of server.seen) {
        expect(request.headers.prefer).toBe("include-unknown-enum-members");
        expect(request.headers.authorization).toBe(`Bearer ${STATIC_TOKEN}`);
        expect(request.headers["client-request-id"]).toMatch(UUID);
      }
      expect(server.seen[2].headers["content-type"]).toBe("application/json");
      expect(JSON.parse(server.seen[2].body)).toEqual({ displayName: "x" });
    } finally {
      client.close();
      await server.close();
    }
  });

  it("keeps one client-request-id across the retries of one request", async () => {
    const server = await recordingServer((_seen, index) => (index < 2 ? { status: 429, headers: { "Retry-After": "0" }, body: { error: { code: "TooManyRequests", message: "slow down" } } } : { status: 204 }));
    const client = createGraphClient(staticTokenConfig(server.graphUrl));
    try {
      await client.patch("/external/industryData/outboundProvisioningFlowSets/1", { displayName: "x" });
      const ids = server.seen.map((s) => s.headers["client-request-id"]);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(1);
    } finally {
      client.close();
      await server.close();
    }
  });

  it("does not follow a redirect (the token goes only where the guard allowed)", async () => {
    const other = await recordingServer(() => ({ status: 200, body: {} }));
    const server = await recordingServer(() => ({ status: 302, headers: { location: `${other.graphUrl}/x` } }));
    const client = createGraphClient(staticTokenConfig(server.graphUrl));
    try {
      const error = (await client.get("/x").catch((e: unknown) => e)) as GraphError;
      expect(isGraphError(error) && error.status).toBe(302);
      expect(other.seen).toHaveLength(0);
    } finally {
      client.close();
      await server.close();
      await other.close();
    }
  });

  it("refuses an @odata.nextLink to another origin instead of sending the token there", async () => {
    const other = await recordingServer(() => ({ status: 200, body: { value: [] } }));
    const server = await recordingServer(() => ({ status: 200, body: { value: [{ id: "1" }], "@odata.nextLink": `${other.graphUrl}/external/industryData/roleGroups?$skiptoken=2` } }));
    const client = createGraphClient(staticTokenConfig(server.graphUrl));
    try {
      const error = (await client.list("/external/industryData/roleGroups").catch((e: unknown) => e)) as GraphError;
      expect(error).toMatchObject({ name: "GraphError", code: "UntrustedNextLink" });
      expect(error.message).toMatch(/outside the configured endpoint/);
      expect(other.seen).toHaveLength(0);
    } finally {
      client.close();
      await server.close();
      await other.close();
    }
  });

  it("quotes a non-JSON error body and scrubs any token echoed in it", async () => {
    const leaks = startLeakScan();
    leaks.secret(STATIC_TOKEN);
    const server = await recordingServer((seen) => ({ status: 502, headers: { "request-id": "gw-1" }, body: `gateway saw ${seen.headers.authorization}` }));
    const client = createGraphClient(staticTokenConfig(server.graphUrl, { maxRetries: 0 }));
    try {
      const error = (await leaks.capture(() => client.post("/x", {})).catch((e: unknown) => e)) as GraphError;
      expect(error).toMatchObject({ status: 502, code: "BadGateway", requestId: "gw-1" });
      expect(error.graphMessage).toContain("gateway saw Bearer [REDACTED]");
    } finally {
      leaks.stop();
      client.close();
      await server.close();
    }
    leaks.assertClean();
  });
});

describe("no bearer token over plain http except to loopback", () => {
  it("refuses a non-loopback http endpoint when the client is created", () => {
    expect(() => createGraphClient(staticTokenConfig("http://graph.contoso.example/beta"))).toThrow(
      /^industrydata:graphEndpoint must use https: plain http is accepted only for a loopback host/,
    );
  });

  const cases: [string, boolean][] = [
    ["https://graph.microsoft.com/beta/x", true],
    ["http://127.0.0.1:4000/beta/x", true],
    ["http://localhost:4000/beta/x", true],
    ["http://[::1]:4000/beta/x", true],
    ["http://10.1.2.3/beta/x", false],
    ["http://graph.microsoft.com/beta/x", false],
  ];
  it.each(cases)("guard: %s allowed=%s, checked before anything is sent", async (url, allowed) => {
    const guard = new PlainHttpGuardMiddleware();
    const next = { execute: jest.fn(async () => undefined) };
    guard.setNext(next);
    const context: Context = { request: url, options: { method: "GET" } };
    if (allowed) {
      await guard.execute(context);
      expect(next.execute).toHaveBeenCalledTimes(1);
    } else {
      await expect(guard.execute(context)).rejects.toThrow(/^refusing to send a bearer token over http to .*: use an https endpoint/);
      expect(next.execute).not.toHaveBeenCalled();
    }
  });
});
