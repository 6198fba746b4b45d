import { GraphError, isGraphError, REQUIRED_PERMISSION } from "../../provider/graph";
import { TEST_PASSWORDS } from "../support/testSecrets";

const flowPath = "/external/industryData/outboundProvisioningFlowSets/set-1/provisioningFlows/flow-1";

describe("GraphError", () => {
  it("reads like `PATCH <path> failed: 400 BadRequest: <message> (request-id …, client-request-id …)`", () => {
    const error = new GraphError({
      status: 400,
      code: "BadRequest",
      graphMessage: "Invalid value for studentAgeGroup.",
      method: "PATCH",
      path: flowPath,
      requestId: "req-1",
      clientRequestId: "client-1",
    });
    expect(error.message).toBe(`PATCH ${flowPath} failed: 400 BadRequest: Invalid value for studentAgeGroup. (request-id req-1, client-request-id client-1)`);
    expect(error).toMatchObject({ name: "GraphError", status: 400, code: "BadRequest", graphMessage: "Invalid value for studentAgeGroup.", method: "PATCH", path: flowPath, requestId: "req-1", clientRequestId: "client-1" });
    expect(error).toBeInstanceOf(Error);
  });

  it("says how many retries were made and why retrying stopped", () => {
    const error = new GraphError({
      status: 429,
      code: "TooManyRequests",
      graphMessage: "Too many requests.",
      method: "PATCH",
      path: "/p",
      requestId: "r",
      retries: 1,
      detail: "throttled: Retry-After 120s exceeds the remaining operation timeout 30s",
    });
    expect(error.message).toBe(
      "PATCH /p failed: 429 TooManyRequests: Too many requests. throttled: Retry-After 120s exceeds the remaining operation timeout 30s (request-id r; retried 1 time)",
    );
  });

  const hints: [number, RegExp][] = [
    [401, /Hint: Graph rejected the access token/],
    [403, new RegExp(`Hint: the caller needs the Graph permission ${REQUIRED_PERMISSION}\\. Delegated permission works for every operation; with application permissions Graph documents that flow sets cannot be updated`)],
  ];
  it.each(hints)("adds a permission hint for %i", (status, hint) => {
    const error = new GraphError({ status, code: "Forbidden", graphMessage: "Denied", method: "PATCH", path: "/p" });
    expect(error.message).toMatch(hint);
  });

  it("has no hint for other statuses", () => {
    expect(new GraphError({ status: 404, code: "NotFound", graphMessage: "x", method: "GET", path: "/p" }).message).not.toContain("Hint");
  });

  it("redacts passwords echoed from the request body and tokens from Graph's message", () => {
    const error = new GraphError({
      status: 400,
      code: "BadRequest",
      graphMessage:
        `Cannot apply {"defaultPasswordSettings":{"password":"${TEST_PASSWORDS.graphErrorEcho}"}} with Authorization Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl for ${TEST_PASSWORDS.graphErrorEcho}`,
      method: "POST",
      path: "/p",
      secrets: [TEST_PASSWORDS.graphErrorEcho],
    });
    expect(error.message).not.toContain(TEST_PASSWORDS.graphErrorEcho);
    expect(error.graphMessage).not.toContain(TEST_PASSWORDS.graphErrorEcho);
    expect(error.message).not.toContain("eyJ");
    expect(error.message).toContain("[REDACTED]");
  });

  it("is recognised by name, across module copies", () => {
    const lookalike = Object.assign(new Error("x"), { name: "GraphError", status: 404 });
    expect(isGraphError(lookalike)).toBe(true);
    expect(isGraphError(new Error("x"))).toBe(false);
    expect(isGraphError(undefined)).toBe(false);
    expect(isGraphError("GraphError")).toBe(false);
  });
});
