import { describe, expect, it } from "vitest";
import { emu, faultState, rawGet, serveFaultEmulator, setFaults, uid } from "./faultsSetup";
import { json } from "./helpers";

serveFaultEmulator();

describe("broken answers", () => {
  it("reset: headers and part of the body, then the connection is gone", async () => {
    await setFaults([{ path: "/stream/*", type: "reset", afterBytes: 40, times: 1 }]);
    const cut = await rawGet(`${emu.stream}/${uid}`);
    expect(cut.status).toBe(200);
    expect(Number(cut.headers["content-length"])).toBeGreaterThan(40);
    expect(cut.body.byteLength).toBe(40);
    expect(cut.error).toBeDefined();
    // fetch: the answer arrives, its body does not.
    await setFaults([{ path: "/stream/*", type: "reset", times: 1 }]);
    const response = await emu.api(`/${uid}`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect((await emu.api(`/${uid}`)).status).toBe(200); // spent
  });

  it("reset before the handler: no answer at all, and nothing happened", async () => {
    await setFaults([{ method: "POST", path: "/stream/*", type: "reset", stage: "before" }]);
    await expect(
      emu.api(`/${uid}`, { method: "POST", body: { meta: { name: "never" } } }),
    ).rejects.toThrow();
    emu.faults.clear();
    const video = await json<{ meta: Record<string, unknown> }>(await emu.api(`/${uid}`));
    expect(video.body.result.meta.name).toBeUndefined();
  });

  it("reset after the handler: the change was made, only the answer is lost", async () => {
    await setFaults([{ method: "POST", path: "/stream/*", type: "reset" }]);
    const response = await emu.api(`/${uid}`, { method: "POST", body: { meta: { name: "kept" } } });
    await expect(response.text()).rejects.toThrow();
    emu.faults.clear();
    const video = await json<{ meta: Record<string, unknown> }>(await emu.api(`/${uid}`));
    expect(video.body.result.meta.name).toBe("kept");
  });

  it("malformed: the envelope cut short, status and content type kept", async () => {
    await setFaults([{ path: "/stream/*", type: "malformed", keepBytes: 30 }]);
    const response = await emu.api(`/${uid}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const text = await response.text();
    expect(text).toHaveLength(30);
    expect(text.startsWith('{"result":{')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("malformed leaves empty bodies alone and does not count them", async () => {
    const other = await json<{ uid: string }>(
      await emu.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 60 } }),
    );
    await setFaults([{ method: "DELETE", type: "malformed", times: 1 }]);
    const deleted = await emu.api(`/${other.body.result.uid}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toBe("");
    expect((await faultState()).injected.total).toBe(0);
  });

  it("html: a gateway's error page instead of JSON", async () => {
    await setFaults([{ path: "/stream", type: "html" }]);
    const response = await emu.api("");
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(await response.text()).toContain("<title>502 Bad Gateway</title>");
  });

  it("error: any 5xx, with retry-after when asked", async () => {
    await setFaults([{ path: "/stream/*", type: "error", status: 503, retryAfter: 2 }]);
    const response = await emu.api(`/${uid}`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});
