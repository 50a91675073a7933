import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeMaster } from "../delivery/master";
import type { VideoJson } from "../records";
import { isTerminal, json, startTestEmulator, type TestEmulator } from "./helpers";

// Delivery as Stream serves it since 2026: HLS with fMP4 (CMAF) segments, the sound and the
// captions as renditions of the master playlist, DASH over the same segments, 424 for errors.

let emu: TestEmulator;
let video: VideoJson;
let failed: VideoJson;

/** The top-level ISO-BMFF boxes of a file: size (4 bytes, big-endian) + type (4 bytes). */
function boxes(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at + 8 <= bytes.length; ) {
    let size = bytes.readUInt32BE(at);
    if (size === 1) size = Number(bytes.readBigUInt64BE(at + 8));
    else if (size === 0) size = bytes.length - at;
    types.push(bytes.toString("latin1", at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return types;
}

async function get(url: string | URL): Promise<{ response: Response; bytes: Buffer }> {
  const response = await fetch(url);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const manifest = (uid: string | undefined, file = "video.m3u8") =>
  `${emu.deliveryOrigin}/${uid}/manifest/${file}`;

beforeAll(async () => {
  // Generated captions stay `inprogress` long enough to see that only ready ones are listed.
  emu = await startTestEmulator({ processing: { captionDelayMs: 1500 } });
  const copy = async (url: string) =>
    (await json<VideoJson>(await emu.api("/copy", { method: "POST", body: { url } }))).body.result;
  const [ok, broken] = await Promise.all([
    copy(`${emu.url}/samples/tiny.mp4`),
    copy("http://127.0.0.1:9/never.mp4"),
  ]);
  video = await emu.waitFor(ok.uid ?? "", isTerminal);
  failed = await emu.waitFor(broken.uid ?? "", isTerminal);
  expect(video.status?.state).toBe("ready");
  expect(failed.status?.state).toBe("error");
});

afterAll(async () => {
  await emu?.dispose();
});

describe("HLS with fMP4 segments", () => {
  it("lists the video renditions, the sound as the audio group, and no audio-only variant", async () => {
    const master = await (await fetch(manifest(video.uid))).text();
    expect(master).toMatch(/^#EXTM3U\n#EXT-X-VERSION:7\n/);
    expect(master).toContain(
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Original",DEFAULT=YES,AUTOSELECT=YES,URI="2/index.m3u8"',
    );
    const variants = master.split("\n").filter((l) => l.startsWith("#EXT-X-STREAM-INF:"));
    expect(variants).toHaveLength(2);
    for (const variant of variants) {
      expect(variant).toMatch(/RESOLUTION=\d+x\d+/);
      expect(variant).toMatch(/CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/);
      expect(variant).toMatch(/,AUDIO="audio"$/);
    }
    expect(master).not.toContain("SUBTITLES");
    expect(master).not.toContain("\n2/index.m3u8");
  });

  it("serves an init segment (ftyp, moov) and media segments (moof, mdat) as video/mp4", async () => {
    for (const rendition of ["0", "1", "2"]) {
      const playlistUrl = manifest(video.uid, `${rendition}/index.m3u8`);
      const playlist = await (await fetch(playlistUrl)).text();
      const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist)?.[1];
      expect(init).toMatch(/^init(_\d+)?\.mp4$/);
      const segments = playlist.split("\n").filter((l) => l && !l.startsWith("#"));
      expect(segments.length).toBeGreaterThan(0);
      for (const name of segments) expect(name).toMatch(/^seg_\d{3}\.m4s$/);

      const head = await get(new URL(init ?? "", playlistUrl));
      const type = rendition === "2" ? "audio/mp4" : "video/mp4";
      expect(head.response.status).toBe(200);
      expect(head.response.headers.get("content-type")).toBe(type);
      expect(boxes(head.bytes).slice(0, 2)).toEqual(["ftyp", "moov"]);

      const first = await get(new URL(segments[0] ?? "", playlistUrl));
      expect(first.response.headers.get("content-type")).toBe(type);
      const types = boxes(first.bytes);
      expect(["styp", "sidx", "moof"]).toContain(types[0]);
      expect(types).toContain("moof");
      expect(types.indexOf("mdat")).toBeGreaterThan(types.indexOf("moof"));
    }
    expect((await fetch(manifest(video.uid, "0/seg_999.m4s"))).status).toBe(404);
    expect((await fetch(manifest(video.uid, "0/seg_000.mp4"))).status).toBe(404);
  });
});

describe("captions as subtitle renditions", () => {
  it("lists a generated caption once it is ready, with a playlist wrapping its WebVTT", async () => {
    const uid = video.uid ?? "";
    expect((await emu.api(`/${uid}/captions/en/generate`, { method: "POST" })).status).toBe(200);
    // Still in progress: not offered to players.
    expect(await (await fetch(manifest(uid))).text()).not.toContain("TYPE=SUBTITLES");
    expect((await fetch(manifest(uid, "subtitles/en.m3u8"))).status).toBe(404);

    const deadline = Date.now() + 10_000;
    let master = "";
    while (Date.now() < deadline && !master.includes("TYPE=SUBTITLES")) {
      await new Promise((r) => setTimeout(r, 100));
      master = await (await fetch(manifest(uid))).text();
    }
    expect(master).toContain(
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English (auto-generated)",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subtitles/en.m3u8"',
    );
    for (const variant of master.split("\n").filter((l) => l.startsWith("#EXT-X-STREAM-INF:")))
      expect(variant).toMatch(/,AUDIO="audio",SUBTITLES="subs"$/);

    const playlistUrl = manifest(uid, "subtitles/en.m3u8");
    const playlist = await fetch(playlistUrl);
    expect(playlist.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    const text = await playlist.text();
    expect(text).toContain(`#EXT-X-TARGETDURATION:${Math.ceil(video.duration ?? 0)}\n`);
    expect(text).toContain(`#EXTINF:${(video.duration ?? 0).toFixed(3)},\n`);
    expect(text).toContain("#EXT-X-ENDLIST");
    const vtt = text.split("\n").find((l) => l && !l.startsWith("#")) ?? "";
    const cues = await fetch(new URL(vtt, playlistUrl));
    expect(cues.url).toBe(`${emu.deliveryOrigin}/${uid}/captions/en.vtt`);
    expect(cues.headers.get("content-type")).toMatch(/^text\/vtt/);
    expect(await cues.text()).toMatch(/^WEBVTT/);
  });
});

describe("DASH", () => {
  it("answers a valid MPD over the same segments: video, audio and text AdaptationSets", async () => {
    const url = manifest(video.uid, "video.mpd");
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/dash+xml");
    const text = await response.text();
    // jsdom's XML parser throws on anything that is not well-formed XML.
    const { JSDOM } = (await import("jsdom" as string)) as {
      JSDOM: new (
        markup: string,
        options: { contentType: string },
      ) => { window: { document: Document } };
    };
    const doc = new JSDOM(text, { contentType: "application/xml" }).window.document;
    const mpd = doc.documentElement;
    expect(mpd.localName).toBe("MPD");
    expect(mpd.namespaceURI).toBe("urn:mpeg:dash:schema:mpd:2011");
    expect(mpd.getAttribute("type")).toBe("static");
    expect(mpd.getAttribute("mediaPresentationDuration")).toBe(
      `PT${(video.duration ?? 0).toFixed(3)}S`,
    );
    const sets = [...doc.getElementsByTagName("AdaptationSet")];
    expect(sets.map((s) => s.getAttribute("contentType"))).toEqual(["video", "audio", "text"]);
    const [videoSet, audioSet, textSet] = sets;
    expect(videoSet?.getElementsByTagName("Representation")).toHaveLength(2);
    expect(audioSet?.getElementsByTagName("Label")[0]?.textContent).toBe("Original");
    expect(textSet?.getAttribute("lang")).toBe("en");
    expect(textSet?.getAttribute("mimeType")).toBe("text/vtt");

    // Every representation's init and first segment are the HLS renditions' files.
    for (const set of [videoSet, audioSet]) {
      for (const rep of [...(set?.getElementsByTagName("Representation") ?? [])]) {
        expect(rep.getAttribute("codecs")).toMatch(/^(avc1\.[0-9a-f]{6}|mp4a\.40\.2)$/);
        const template = rep.getElementsByTagName("SegmentTemplate")[0];
        const init = await get(new URL(template?.getAttribute("initialization") ?? "", url));
        expect(boxes(init.bytes)[0]).toBe("ftyp");
        const start = template?.getAttribute("startNumber") ?? "";
        const media = (template?.getAttribute("media") ?? "").replace(
          /\$Number%0(\d)d\$/,
          (_, width: string) => start.padStart(Number(width), "0"),
        );
        expect(media).toMatch(/^\d\/seg_000\.m4s$/);
        expect(boxes((await get(new URL(media, url))).bytes)).toContain("moof");
        const timeline = [...(template?.getElementsByTagName("S") ?? [])];
        const total = timeline.reduce(
          (sum, s) => sum + Number(s.getAttribute("d")) * (1 + Number(s.getAttribute("r") ?? 0)),
          0,
        );
        expect(Math.abs(total / 1000 - (video.duration ?? 0))).toBeLessThan(0.2);
      }
    }
    const caption = textSet?.getElementsByTagName("BaseURL")[0]?.textContent ?? "";
    expect((await fetch(new URL(caption, url))).status).toBe(200);
  });
});

describe("a video in error", () => {
  it("answers 424 for every delivery URL (manifests, segments, captions, thumbnails, downloads)", async () => {
    const base = `${emu.deliveryOrigin}/${failed.uid}`;
    for (const path of [
      "manifest/video.m3u8",
      "manifest/video.mpd",
      "manifest/0/index.m3u8",
      "manifest/0/init_0.mp4",
      "manifest/0/seg_000.m4s",
      "manifest/subtitles/en.m3u8",
      "captions/en.vtt",
      "thumbnails/thumbnail.jpg",
      "thumbnails/thumbnail.gif",
      "downloads/default.mp4",
    ]) {
      const response = await fetch(`${base}/${path}`);
      expect([path, response.status]).toEqual([path, 424]);
      expect(await response.text()).toContain("ERR_FETCH_ORIGIN_ERROR");
    }
  });
});

describe("composeMaster", () => {
  const ts = [
    "#EXTM3U",
    "#EXT-X-VERSION:3",
    '#EXT-X-STREAM-INF:BANDWIDTH=140800,RESOLUTION=160x90,CODECS="avc1.42c00b,mp4a.40.2"',
    "0/index.m3u8",
    "",
  ].join("\n");

  it("leaves an MPEG-TS master (videos processed before fMP4) as it was, byte for byte", () => {
    expect(composeMaster(ts, { audio: [], subtitles: [] })).toBe(ts);
  });

  it("adds the subtitle group to it too", () => {
    const out = composeMaster(ts, {
      audio: [],
      subtitles: [{ name: 'Say "hi"', language: "de", uri: "subtitles/de.m3u8" }],
    });
    expect(out).toContain(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Say 'hi'",LANGUAGE="de",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subtitles/de.m3u8"\n\n#EXT-X-STREAM-INF:`,
    );
    expect(out).toContain('CODECS="avc1.42c00b,mp4a.40.2",SUBTITLES="subs"\n0/index.m3u8');
  });
});
