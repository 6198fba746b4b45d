/**
 * `GraphClient.request`: what an action's 202 says besides its body (the `Location` of what it started, and
 * `Retry-After`), read through the same chain as every call; a `Location` outside the configured endpoint is an
 * error, never followed with our token (as an @odata.nextLink would not be).
 */
import * as http from "http";
import type { AddressInfo } from "net";
import { createGraphClient, isGraphError, type ManagedGraphClient } from "../../provider/graph";
import { staticTokenConfig } from "./fixtures";

let server: http.Server;
let base: string;
let client: ManagedGraphClient;
const answers = new Map<string, { status: number; headers: Record<string, string>; body?: string }>();

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const answer = answers.get(`${request.method} ${request.url}`) ?? { status: 404, headers: {}, body: JSON.stringify({ error: { code: "NotFound", message: "no" } }) };
    response.writeHead(answer.status, { ...(answer.body !== undefined ? { "content-type": "application/json" } : {}), ...answer.headers });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createGraphClient(staticTokenConfig(`${base}/beta`));
});
afterAll(async () => {
  client.close();
  await new Promise((resolve) => server.close(resolve));
});

test("a 202 with no body: its status, the Location relative to the endpoint, and Retry-After in seconds", async () => {
  answers.set("POST /beta/x/validate", { status: 202, headers: { location: `${base}/beta/external/industryData/operations/op-1`, "retry-after": "5" } });
  expect(await client.request("POST", "/x/validate")).toEqual({ status: 202, body: undefined, location: "/external/industryData/operations/op-1", retryAfterSeconds: 5 });
});

test("a GET with a body and no headers of note: just the status and the body", async () => {
  answers.set("GET /beta/external/industryData/operations/op-1", { status: 200, headers: {}, body: JSON.stringify({ id: "op-1", status: "running" }) });
  expect(await client.request("GET", "/external/industryData/operations/op-1")).toEqual({ status: 200, body: { id: "op-1", status: "running" } });
});

test.each([
  ["another host", "https://evil.example/beta/external/industryData/operations/op-1"],
  ["another path on the same host", "/other/operations/op-1"],
])("a Location on %s is refused (UntrustedLocation), not followed", async (_name, location) => {
  answers.set("POST /beta/y/validate", { status: 202, headers: { location } });
  const error = await client.request("POST", "/y/validate").catch((e: unknown) => e);
  expect(isGraphError(error)).toBe(true);
  expect((error as Error).message).toMatch(/POST \/y\/validate failed: UntrustedLocation: Graph returned a Location header outside the configured endpoint/);
});
