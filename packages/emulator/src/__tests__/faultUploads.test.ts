import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emu, faultState, MiB, serveFaultEmulator, setFaults, uid } from "./faultsSetup";
import { json } from "./helpers";

serveFaultEmulator();

describe("truncated uploads", () => {
  const sha256 = (data: Buffer | Uint8Array) => createHash("sha256").update(data).digest("hex");

  async function createTus(length: number) {
    const response = await emu.api("", {
      method: "POST",
      headers: { "tus-resumable": "1.0.0", "upload-length": String(length) },
    });
    return {
      location: response.headers.get("location") ?? "",
      id: response.headers.get("stream-media-id") ?? "",
    };
  }

  const patch = (location: string, offset: number, body: Buffer) =>
    fetch(location, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${emu.token}`,
        "tus-resumable": "1.0.0",
        "upload-offset": String(offset),
        "content-type": "application/offset+octet-stream",
      },
      body: new Uint8Array(body),
    });

  async function headOffset(location: string): Promise<number> {
    const response = await fetch(location, {
      method: "HEAD",
      headers: { authorization: `Bearer ${emu.token}`, "tus-resumable": "1.0.0" },
    });
    return Number(response.headers.get("upload-offset"));
  }

  it("tus PATCH: short-offset, error and reset each keep part of a chunk, and the file still ends byte-exact", async () => {
    const file = randomBytes(5 * MiB + 1000);
    const { location, id } = await createTus(file.length);
    await setFaults([
      {
        method: "PATCH",
        path: "/tus/*",
        type: "truncate-upload",
        keepBytes: MiB,
        outcome: "short-offset",
        times: 1,
      },
      {
        method: "PATCH",
        path: "/tus/*",
        type: "truncate-upload",
        keepFraction: 0.25,
        outcome: "error",
        status: 503,
        skip: 1,
        times: 1,
      },
      {
        method: "PATCH",
        path: "/tus/*",
        type: "truncate-upload",
        keepBytes: 1000,
        outcome: "reset",
        skip: 2,
        times: 1,
      },
    ]);
    // short-offset: 204, but only 1 MiB counted.
    let response = await patch(location, 0, file);
    expect(response.status).toBe(204);
    expect(Number(response.headers.get("upload-offset"))).toBe(MiB);
    expect(await headOffset(location)).toBe(MiB);
    // error: a 503 (tus header kept); HEAD tells what was kept: a quarter of the 4 MiB + 1000 sent.
    const rest = file.subarray(MiB);
    response = await patch(location, MiB, rest);
    expect(response.status).toBe(503);
    expect(response.headers.get("tus-resumable")).toBe("1.0.0");
    const afterError = await headOffset(location);
    expect(afterError).toBe(MiB + Math.floor(rest.length * 0.25));
    // reset: the connection goes; 1000 more bytes are in.
    await expect(patch(location, afterError, file.subarray(afterError))).rejects.toThrow();
    expect(await headOffset(location)).toBe(afterError + 1000);
    // The rules are spent: the rest goes in whole.
    response = await patch(location, afterError + 1000, file.subarray(afterError + 1000));
    expect(response.status).toBe(204);
    expect(Number(response.headers.get("upload-offset"))).toBe(file.length);
    const stored = await readFile(path.join(emu.dataDir, "videos", id, "source"));
    expect(sha256(stored)).toBe(sha256(file));
    expect((await faultState()).injected["truncate-upload"]).toBe(3);
  });

  it("a direct upload: error reads the body and stores nothing, reset drops it; the URL still works", async () => {
    const created = await json<{ uid: string; uploadURL: string }>(
      await emu.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 60 } }),
    );
    const tiny = await readFile(path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4"));
    const send = () => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(tiny)], { type: "video/mp4" }), "tiny.mp4");
      return fetch(created.body.result.uploadURL, { method: "POST", body: form });
    };
    await setFaults([
      { method: "POST", path: "/upload/*", type: "truncate-upload", outcome: "error", times: 1 },
      {
        method: "POST",
        path: "/upload/*",
        type: "truncate-upload",
        outcome: "reset",
        skip: 1,
        times: 1,
      },
    ]);
    const failed = await send();
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /broke off/,
    );
    await expect(send()).rejects.toThrow();
    expect((await send()).status).toBe(200);
    const video = await json<{ size: number }>(await emu.api(`/${created.body.result.uid}`));
    expect(video.body.result.size).toBe(tiny.length);
  });

  it("never matches requests without a body", async () => {
    await setFaults([{ type: "truncate-upload" }]);
    expect((await emu.api(`/${uid}`)).status).toBe(200);
    expect((await faultState()).rules[0]).toMatchObject({ matched: 0, injected: 0 });
  });
});
