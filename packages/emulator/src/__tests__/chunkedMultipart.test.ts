import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { emu, form, serveApiEmulator, TINY } from "./apiSetup";

serveApiEmulator();

/** A multipart body sent chunked (no content-length), as a Node client or a proxy streams it. */
async function postChunked(pathname: string, body: FormData): Promise<Response> {
  const encoded = new Response(body);
  return fetch(`${emu.stream}${pathname}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${emu.token}`,
      "content-type": encoded.headers.get("content-type") ?? "",
    },
    body: encoded.body,
    duplex: "half",
  } as RequestInit);
}

describe("chunked multipart bodies", () => {
  it("takes a basic upload with no content-length (it used to answer 500)", async () => {
    const answer = await postChunked("", form(new Uint8Array(await readFile(TINY)), "tiny.mp4"));
    expect(answer.status).toBe(200);
    const { result } = (await answer.json()) as { result: { uid: string } };
    expect(result.uid).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses one past the limit as it arrives, with 413", async () => {
    // The test emulator's basic-upload limit is 64 KiB (plus 1 MiB for multipart framing).
    const answer = await postChunked("", form(new Uint8Array(2 * 1024 * 1024), "big.mp4"));
    expect(answer.status).toBe(413);
  });
});
