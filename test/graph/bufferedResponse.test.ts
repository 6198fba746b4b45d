/**
 * The transport's answer (provider/graph/middleware/bufferedResponse.ts) reads as the WHATWG Response it stands in
 * for, for everything the client reads of one: status, ok, statusText, headers by any case (repeated ones joined
 * as Headers joins them) and a body read once, compared with the Response Node's fetch would give.
 */
import { BufferedResponse } from "../../provider/graph/middleware/bufferedResponse";

const headers = { "content-type": "application/json", "request-id": "r-1", "retry-after": "3", "set-cookie": ["a=1", "b=2"] };
const body = JSON.stringify({ value: [{ id: "x", displayName: "Zoë's school 🏫" }] });

/** The same answer as Node's fetch would give it. */
function webResponse(status: number, text: string): Response {
  const web = new Headers();
  for (const [name, value] of Object.entries(headers)) for (const item of Array.isArray(value) ? value : [value]) web.append(name, item);
  return new Response([204, 205, 304].includes(status) ? null : text, { status, statusText: `status ${status}`, headers: web });
}

describe.each([200, 201, 204, 299, 300, 404, 429, 503])("an answer %i reads as a Response", (status) => {
  const body204 = [204, 205, 304].includes(status) ? "" : body;
  const ours = (): BufferedResponse => new BufferedResponse(status, `status ${status}`, headers, body204 === "" ? null : Buffer.from(body204));

  test("status, ok and statusText", () => {
    const web = webResponse(status, body204);
    expect([ours().status, ours().ok, ours().statusText]).toEqual([web.status, web.ok, web.statusText]);
  });

  test.each(["Content-Type", "request-id", "REQUEST-ID", "Retry-After", "set-cookie", "location"])("header %s, by any case", (name) => {
    expect(ours().headers.get(name)).toBe(webResponse(status, body204).headers.get(name));
  });

  test("the body, once (an empty one, any number of times)", async () => {
    const response = ours();
    const web = webResponse(status, body204);
    expect(await response.text()).toBe(await web.text());
    const again = async (r: { text(): Promise<string> }): Promise<string> => r.text().then((text) => `read: ${text}`, (error: Error) => `refused: ${error.message.split(":")[0]}`);
    expect(await again(response)).toBe(await again(web));
  });
});
