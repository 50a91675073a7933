import { describe, expect, it } from "vitest";
import { fakeFetch } from "../../__tests__/fakeFetch";
import { createStreamClient } from "../../client";

describe("client.request onResponse (the tus creation reads headers)", () => {
  it("hands over the raw 201 before its empty body is read as the envelope", async () => {
    const uid = "0123456789abcdef0123456789abcdef";
    const { fetch, calls } = fakeFetch(
      () =>
        new Response(null, {
          status: 201,
          headers: { location: `https://upload.test/tus/${uid}`, "stream-media-id": uid },
        }),
    );
    const client = createStreamClient({
      baseUrl: "/api/stream",
      fetch,
      headers: { "x-csrf": "t" },
    });
    let seen: Headers | undefined;
    const envelope = await client.request("", {
      method: "POST",
      headers: { "Tus-Resumable": "1.0.0", "Upload-Length": "10" },
      onResponse: (response) => {
        seen = response.headers;
      },
    });
    expect(envelope.result).toBeNull();
    expect(seen?.get("stream-media-id")).toBe(uid);
    expect(seen?.get("location")).toBe(`https://upload.test/tus/${uid}`);
    expect(calls[0]?.headers.get("upload-length")).toBe("10");
    expect(calls[0]?.headers.get("x-csrf")).toBe("t"); // the app's headers go along
  });
});
