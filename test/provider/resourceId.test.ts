import { formatFlowResourceId, parseFlowResourceId } from "../../provider/operations/resourceId";

describe("flow resource ids are <setId>/<flowId>", () => {
  test("format and parse round-trip", () => {
    const address = { flowSetId: "9ab41255-5364-4c53-e15c-08dc4ab6ee03", flowId: "4598f62a-7bd9-40a1-d38a-08dc4ac68cf2" };
    expect(formatFlowResourceId(address)).toBe("9ab41255-5364-4c53-e15c-08dc4ab6ee03/4598f62a-7bd9-40a1-d38a-08dc4ac68cf2");
    expect(parseFlowResourceId(formatFlowResourceId(address))).toEqual(address);
  });

  test.each(["", "only-one-part", "/flow", "set/", "a/b/c"])("a malformed id %p fails naming the expected format", (id) => {
    expect(() => parseFlowResourceId(id)).toThrow(`invalid flow id "${id}": expected "<flowSetId>/<flowId>"`);
  });
});
