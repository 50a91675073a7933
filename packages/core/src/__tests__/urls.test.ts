import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StreamValidationError } from "../errors";
import {
  animatedThumbnailUrl,
  dashUrl,
  deliveryOrigin,
  downloadUrl,
  hlsUrl,
  iframeUrl,
  thumbnailUrl,
  watchUrl,
} from "../urls";

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";
const cfg = { customerCode: "f33zs165nr7gyfy4" };
const origin = "https://customer-f33zs165nr7gyfy4.cloudflarestream.com";

describe("URL builders", () => {
  it("build every delivery URL from a customer code", () => {
    expect(iframeUrl(UID, cfg)).toBe(`${origin}/${UID}/iframe`);
    expect(watchUrl(UID, cfg)).toBe(`${origin}/${UID}/watch`);
    expect(hlsUrl(UID, cfg)).toBe(`${origin}/${UID}/manifest/video.m3u8`);
    expect(dashUrl(UID, cfg)).toBe(`${origin}/${UID}/manifest/video.mpd`);
    expect(thumbnailUrl(UID, cfg)).toBe(`${origin}/${UID}/thumbnails/thumbnail.jpg`);
    expect(animatedThumbnailUrl(UID, cfg)).toBe(`${origin}/${UID}/thumbnails/thumbnail.gif`);
    expect(downloadUrl(UID, cfg)).toBe(`${origin}/${UID}/downloads/default.mp4`);
    expect(downloadUrl(UID, cfg, { type: "audio", filename: "my-clip" })).toBe(
      `${origin}/${UID}/downloads/audio.m4a?filename=my-clip`,
    );
  });

  it("uses any delivery origin, such as the emulator's", () => {
    expect(iframeUrl(UID, { deliveryOrigin: "http://127.0.0.1:8787/" })).toBe(
      `http://127.0.0.1:8787/${UID}/iframe`,
    );
  });

  it("encodes every iframe parameter with the API's names", () => {
    const url = new URL(
      iframeUrl(UID, cfg, {
        autoplay: true,
        muted: true,
        loop: true,
        controls: false,
        preload: "metadata",
        poster: "https://img.test/p.jpg?time=2s&h=1",
        startTime: "1h12m27s",
        defaultTextTrack: "en-GB",
        primaryColor: "#f80",
        letterboxColor: "transparent",
        adUrl: "https://ads.test/vast?x=1&y=2",
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      autoplay: "true",
      muted: "true",
      loop: "true",
      controls: "false",
      preload: "metadata",
      poster: "https://img.test/p.jpg?time=2s&h=1",
      startTime: "1h12m27s",
      defaultTextTrack: "en-GB",
      primaryColor: "#f80",
      letterboxColor: "transparent",
      "ad-url": "https://ads.test/vast?x=1&y=2",
    });
    expect(url.search).toContain("primaryColor=%23f80");
  });

  it("leaves autoplay out unless it is on", () => {
    expect(iframeUrl(UID, cfg, { autoplay: false, muted: false })).toBe(`${origin}/${UID}/iframe`);
  });

  it("passes thumbnail options through", () => {
    expect(thumbnailUrl(UID, cfg, { time: 12, height: 270, width: 480, fit: "clip" })).toBe(
      `${origin}/${UID}/thumbnails/thumbnail.jpg?time=12s&height=270&width=480&fit=clip`,
    );
    expect(animatedThumbnailUrl(UID, cfg, { time: "1m2s", duration: 4, fps: 12 })).toContain(
      "time=1m2s&duration=4s&fps=12",
    );
  });

  it("accepts a signed token in place of the uid", () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
    expect(hlsUrl(token, cfg)).toBe(`${origin}/${token}/manifest/video.m3u8`);
  });

  it.each([
    ["a short id", () => iframeUrl("abc", cfg)],
    ["a path in the id", () => iframeUrl(`../${UID}`, cfg)],
    ["a bad customer code", () => iframeUrl(UID, { customerCode: "Bad.Code" })],
    ["a javascript: origin", () => iframeUrl(UID, { deliveryOrigin: "javascript:alert(1)" })],
    ["a bad fit", () => thumbnailUrl(UID, cfg, { fit: "stretch" as never })],
    ["a negative height", () => thumbnailUrl(UID, cfg, { height: -1 })],
    ["a bad time", () => thumbnailUrl(UID, cfg, { time: "soon" })],
    ["a bad filename", () => downloadUrl(UID, cfg, { filename: "../../etc" })],
    ["a javascript poster", () => iframeUrl(UID, cfg, { poster: "javascript:alert(1)" })],
  ])("refuses %s", (_name, build) => {
    expect(build).toThrow(StreamValidationError);
  });

  it("never lets an arbitrary id change the URL's origin or path", () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        try {
          const url = new URL(iframeUrl(id, cfg));
          return (
            url.origin === origin &&
            url.pathname.split("/").length === 3 &&
            url.pathname.endsWith("/iframe")
          );
        } catch (error) {
          return error instanceof StreamValidationError;
        }
      }),
    );
  });

  it("keeps any parameter value inside its parameter", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (color, track) => {
        const url = new URL(iframeUrl(UID, cfg, { primaryColor: color, defaultTextTrack: track }));
        return (
          url.searchParams.get("primaryColor") === color &&
          url.searchParams.get("defaultTextTrack") === track
        );
      }),
    );
  });

  it("needs a customer code or an origin", () => {
    expect(() => deliveryOrigin({} as never)).toThrow(StreamValidationError);
  });
});
