import { describe, expect, it } from "vitest";
import { ffmpegCommand } from "../live/ffmpegCommand";

const KEY = "2fb3cb9f17e68a2568d6ebed8d5505eak97ae32a4e8bd3b4ec2f8e36ec8f1b5a";

describe("ffmpegCommand", () => {
  it("sends a test pattern and a tone to the input's RTMPS URL and key", () => {
    expect(ffmpegCommand({ url: "rtmps://live.cloudflare.com:443/live/", streamKey: KEY })).toBe(
      "ffmpeg -re -f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440" +
        " -c:v libx264 -preset veryfast -tune zerolatency -g 60 -c:a aac -f flv" +
        ` rtmps://live.cloudflare.com:443/live/${KEY}`,
    );
  });

  it("joins a URL without its trailing slash to the key with one", () => {
    expect(ffmpegCommand({ url: "rtmp://127.0.0.1:1935/live", streamKey: "abc" })).toMatch(
      / rtmp:\/\/127\.0\.0\.1:1935\/live\/abc$/,
    );
  });

  it("quotes a target a shell would read otherwise, so a pasted command runs nothing else", () => {
    const command = ffmpegCommand({ url: "rtmp://x.test/live/", streamKey: "k; rm -rf ~ 'q'" });
    expect(command).toMatch(/ 'rtmp:\/\/x\.test\/live\/k; rm -rf ~ '\\''q'\\'''$/);
  });

  it("is undefined without a URL or a key (a list entry has neither)", () => {
    expect(ffmpegCommand(undefined)).toBeUndefined();
    expect(ffmpegCommand({ url: "rtmps://live.cloudflare.com:443/live/" })).toBeUndefined();
    expect(ffmpegCommand({ streamKey: KEY })).toBeUndefined();
  });
});
