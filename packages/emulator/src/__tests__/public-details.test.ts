import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { json, startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;
let uid: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  const { body } = await json<VideoJson>(
    await emu.api("/copy", { method: "POST", body: { url: `${emu.url}/samples/tiny.mp4` } }),
  );
  uid = body.result.uid ?? "";
});

afterAll(async () => {
  await emu?.dispose();
});

const update = async (publicDetails: unknown) =>
  json<VideoJson>(await emu.api(`/${uid}`, { method: "POST", body: { publicDetails } }));

describe("publicDetails on update", () => {
  it("merges fields, clears the ones set to null, and serves them to the player", async () => {
    expect(
      (await update({ title: "Launch", logo: "https://example.com/logo.png" })).body.result
        .publicDetails,
    ).toEqual({
      title: "Launch",
      logo: "https://example.com/logo.png",
    });
    // Only the title changes; the logo stays.
    expect(
      (await update({ title: "Launch v2", share_link: "https://example.com/s" })).body.result
        .publicDetails,
    ).toEqual({
      title: "Launch v2",
      logo: "https://example.com/logo.png",
      share_link: "https://example.com/s",
    });
    expect((await update({ logo: null })).body.result.publicDetails).toEqual({
      title: "Launch v2",
      share_link: "https://example.com/s",
    });
    // Other updates leave publicDetails alone.
    const other = await json<VideoJson>(
      await emu.api(`/${uid}`, { method: "POST", body: { meta: { name: "renamed" } } }),
    );
    expect(other.body.result.publicDetails).toEqual({
      title: "Launch v2",
      share_link: "https://example.com/s",
    });
    const info = await fetch(`${emu.url}/${uid}/metadata/playerEnhancementInfo.json`);
    expect(await info.json()).toEqual({ title: "Launch v2", share_link: "https://example.com/s" });
  });

  it("clears everything with null, and refuses wrong types", async () => {
    await update({ title: "x" });
    const cleared = await update(null);
    expect(cleared.status).toBe(200);
    expect(cleared.body.result.publicDetails).toBeUndefined();
    expect((await update({ title: 5 })).status).toBe(400);
    expect((await update("title")).status).toBe(400);
    // A field cleared that was never set is no change.
    expect((await update({ channel_link: null })).body.result.publicDetails).toBeUndefined();
  });
});
