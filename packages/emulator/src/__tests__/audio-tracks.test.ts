import { execFileSync } from "node:child_process";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";

interface Track {
  uid: string;
  label: string;
  default: boolean;
  status: "queued" | "ready" | "error";
}

let emu: TestEmulator;
let dataDir: string;
let dir: string;
let video: VideoJson;

/** ffmpeg output from lavfi sources, e.g. a tone or a silent video. */
function make(name: string, args: string[]): Promise<Buffer> {
  const file = path.join(dir, name);
  execFileSync("ffmpeg", ["-v", "error", "-y", ...args, file]);
  return readFile(file);
}

async function copyTiny(extra: Record<string, unknown> = {}): Promise<VideoJson> {
  const { body } = await json<VideoJson>(
    await emu.api("/copy", {
      method: "POST",
      body: { url: `${emu.url}/samples/tiny.mp4`, ...extra },
    }),
  );
  const done = await emu.waitFor(body.result.uid ?? "", isTerminal);
  expect(done.status?.state).toBe("ready");
  return done;
}

const tracks = async (uid: string) =>
  (await json<{ audio: Track[] }>(await emu.api(`/${uid}/audio`))).body.result.audio;

async function waitForTrack(uid: string, track: string): Promise<Track> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = (await tracks(uid)).find((t) => t.uid === track);
    if (found && found.status !== "queued") return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`track ${track} stayed queued\n${emu.logs.join("\n")}`);
}

function upload(uid: string, bytes: Buffer, label?: string, name = "audio.m4a") {
  const body = new FormData();
  body.set("file", new Blob([new Uint8Array(bytes)]), name);
  if (label !== undefined) body.set("label", label);
  return emu.api(`/${uid}/audio`, { method: "POST", body });
}

const copyTrack = (uid: string, body: Record<string, unknown>) =>
  emu.api(`/${uid}/audio/copy`, { method: "POST", body });

beforeAll(async () => {
  dataDir = await makeDataDir();
  dir = await makeDataDir();
  emu = await startTestEmulator({ dataDir });
  video = await copyTiny();
});

afterAll(async () => {
  await emu?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("additional audio tracks", () => {
  it("lists none at first, and the master offers only the video's own sound", async () => {
    const { status, body } = await json(await emu.api(`/${video.uid}/audio`));
    expect(status).toBe(200);
    expect(body.result).toEqual({ audio: [] });
    const served = await (await fetch(video.playback?.hls ?? "")).text();
    const media = served.split("\n").filter((l) => l.startsWith("#EXT-X-MEDIA:"));
    // fMP4 ladders carry the sound in a rendition of its own, after the video renditions.
    expect(media).toEqual([
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Original",DEFAULT=YES,AUTOSELECT=YES,URI="2/index.m3u8"',
    ]);
  });

  it("adds tracks from a URL and from a file, processes them and serves them in the master", async () => {
    const copied = await json<Track>(
      await copyTrack(video.uid ?? "", { label: "Commentary", url: `${emu.url}/samples/tiny.mp4` }),
    );
    expect(copied.status).toBe(200);
    expect(copied.body.result).toEqual({
      uid: expect.stringMatching(/^[0-9a-f]{32}$/),
      label: "Commentary",
      default: false,
      status: "queued",
    });
    const tone = await make("tone.m4a", [
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=880:duration=2",
      "-c:a",
      "aac",
    ]);
    const uploaded = await json<Track>(await upload(video.uid ?? "", tone, "Français"));
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.result.status).toBe("queued");

    expect((await waitForTrack(video.uid ?? "", copied.body.result.uid)).status).toBe("ready");
    expect((await waitForTrack(video.uid ?? "", uploaded.body.result.uid)).status).toBe("ready");

    const master = await (await fetch(video.playback?.hls ?? "")).text();
    expect(master).toContain(
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Original",DEFAULT=YES,AUTOSELECT=YES,URI="2/index.m3u8"\n',
    );
    const line = master.split("\n").find((l) => l.includes('NAME="Français"')) ?? "";
    expect(line).toMatch(/DEFAULT=NO,AUTOSELECT=YES,URI="audio\/[0-9a-f]{32}\/index\.m3u8"$/);
    const variants = master.split("\n").filter((l) => l.startsWith("#EXT-X-STREAM-INF:"));
    expect(variants.length).toBeGreaterThan(0);
    for (const variant of variants) expect(variant).toMatch(/,AUDIO="audio"$/);

    // The track's playlist and its segments play.
    const uri = /URI="([^"]+)"/.exec(line)?.[1] ?? "";
    const playlistUrl = new URL(uri, video.playback?.hls).toString();
    const playlist = await fetch(playlistUrl);
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    const text = await playlist.text();
    expect(text).toContain("#EXT-X-ENDLIST");
    // fMP4 like the video's renditions: an init segment, then media segments.
    const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(text)?.[1] ?? "";
    const segment = text.split("\n").find((l) => l.endsWith(".m4s")) ?? "";
    const head = await fetch(new URL(init, playlistUrl));
    const response = await fetch(new URL(segment, playlistUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/mp4");
    const initBytes = Buffer.from(await head.arrayBuffer());
    expect(initBytes.toString("latin1", 4, 8)).toBe("ftyp");
    const bytes = Buffer.concat([initBytes, Buffer.from(await response.arrayBuffer())]);
    const probe = execFileSync(
      "ffprobe",
      ["-v", "error", "-show_streams", "-of", "json", "pipe:0"],
      {
        input: bytes,
      },
    ).toString();
    expect(probe).toContain('"codec_name": "aac"');
    expect((await fetch(new URL("seg_999.m4s", playlistUrl))).status).toBe(404);
  });

  it("refuses missing and duplicate labels, missing URLs and unready videos", async () => {
    const uid = video.uid ?? "";
    const status = async (response: Promise<Response>) => (await response).status;
    expect(await status(copyTrack(uid, { url: `${emu.url}/samples/tiny.mp4` }))).toBe(400);
    expect(await status(copyTrack(uid, { label: "", url: `${emu.url}/samples/tiny.mp4` }))).toBe(
      400,
    );
    expect(await status(copyTrack(uid, { label: "x".repeat(257), url: "http://a.b/c" }))).toBe(400);
    expect(await status(copyTrack(uid, { label: "a\nb", url: "http://a.b/c" }))).toBe(400);
    expect(await status(copyTrack(uid, { label: "No URL" }))).toBe(400);
    const duplicate = await json(
      await copyTrack(uid, { label: "Commentary", url: "http://a.b/c" }),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0]?.message).toMatch(/Commentary/);
    expect(await status(upload(uid, Buffer.from("x")))).toBe(400);

    const pending = await json<{ uid: string }>(
      await emu.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 60 } }),
    );
    expect(
      await status(copyTrack(pending.body.result.uid, { label: "A", url: "http://a.b/c" })),
    ).toBe(400);
    expect(await status(emu.api(`/${"0".repeat(32)}/audio`))).toBe(404);
  });

  it("ends in error for files without an audio stream", async () => {
    const silent = await make("silent.mp4", [
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=64x64:rate=10:duration=1",
      "-c:v",
      "libx264",
      "-pix_fmt",
      "yuv420p",
    ]);
    const noAudio = await json<Track>(
      await upload(video.uid ?? "", silent, "Silent", "silent.mp4"),
    );
    expect((await waitForTrack(video.uid ?? "", noAudio.body.result.uid)).status).toBe("error");
    const text = await json<Track>(
      await upload(video.uid ?? "", Buffer.from("hello".repeat(99)), "Text"),
    );
    expect((await waitForTrack(video.uid ?? "", text.body.result.uid)).status).toBe("error");
    // Errored tracks are listed but never offered to players.
    const master = await (await fetch(video.playback?.hls ?? "")).text();
    expect(master).not.toContain('NAME="Silent"');
    for (const t of [noAudio.body.result, text.body.result])
      expect((await emu.api(`/${video.uid}/audio/${t.uid}`, { method: "DELETE" })).status).toBe(
        200,
      );
  });

  it("edits labels and the default, refuses to delete the default, deletes the others", async () => {
    const uid = video.uid ?? "";
    const [commentary, french] = await tracks(uid);
    if (!commentary || !french) throw new Error("tracks missing");
    const patch = (track: string, body: Record<string, unknown>) =>
      emu.api(`/${uid}/audio/${track}`, { method: "PATCH", body });

    const made = await json<Track>(await patch(commentary.uid, { default: true }));
    expect(made.body.result).toMatchObject({ uid: commentary.uid, default: true, status: "ready" });
    const other = await json<Track>(await patch(french.uid, { default: true, label: "French" }));
    expect(other.body.result).toMatchObject({ label: "French", default: true });
    expect((await tracks(uid)).map((t) => t.default)).toEqual([false, true]);

    const master = await (await fetch(video.playback?.hls ?? "")).text();
    expect(master).toContain('NAME="Original",DEFAULT=NO');
    expect(master).toMatch(/NAME="French",DEFAULT=YES/);
    expect(master).toMatch(/NAME="Commentary",DEFAULT=NO/);

    expect((await patch(commentary.uid, { label: "French" })).status).toBe(409);
    expect((await patch(commentary.uid, { default: "yes" })).status).toBe(400);
    expect((await patch("0".repeat(32), { label: "x" })).status).toBe(404);

    const refused = await json(await emu.api(`/${uid}/audio/${french.uid}`, { method: "DELETE" }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]?.message).toMatch(/default/);
    const deleted = await json<string>(
      await emu.api(`/${uid}/audio/${commentary.uid}`, { method: "DELETE" }),
    );
    expect(deleted.body.result).toBe("ok");
    expect((await emu.api(`/${uid}/audio/${commentary.uid}`, { method: "DELETE" })).status).toBe(
      404,
    );
    expect((await tracks(uid)).map((t) => t.label)).toEqual(["French"]);
  });

  it("keeps signed-URL rules on the track's playlist and segments", async () => {
    const signed = await copyTiny({ requireSignedURLs: true });
    const uid = signed.uid ?? "";
    const added = await json<Track>(
      await copyTrack(uid, { label: "Dub", url: `${emu.url}/samples/tiny.mp4` }),
    );
    await waitForTrack(uid, added.body.result.uid);
    const playlist = `manifest/audio/${added.body.result.uid}/index.m3u8`;
    expect((await fetch(`${emu.url}/${uid}/${playlist}`)).status).toBe(401);
    const { body } = await json<{ token: string }>(
      await emu.api(`/${uid}/token`, { method: "POST" }),
    );
    const master = await (
      await fetch(`${emu.url}/${body.result.token}/manifest/video.m3u8`)
    ).text();
    expect(master).toContain('NAME="Dub"');
    expect((await fetch(`${emu.url}/${body.result.token}/${playlist}`)).status).toBe(200);
  });

  it("keeps tracks across a restart and removes them with the video", async () => {
    const before = await tracks(video.uid ?? "");
    await emu.dispose(true);
    emu = await startTestEmulator({ dataDir });
    expect(await tracks(video.uid ?? "")).toEqual(before);
    const master = await (await fetch(`${emu.url}/${video.uid}/manifest/video.m3u8`)).text();
    expect(master).toContain('NAME="French"');

    const audioDir = path.join(dataDir, "videos", video.uid ?? "", "audio");
    expect((await stat(audioDir)).isDirectory()).toBe(true);
    expect((await emu.api(`/${video.uid}`, { method: "DELETE" })).status).toBe(200);
    await expect(stat(audioDir)).rejects.toThrow();
  });
});
