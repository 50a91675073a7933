import { makeVideo } from "@streamkit/test-utils";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StreamPlayer } from "../StreamPlayer";
import { VideoThumbnail } from "../VideoThumbnail";
import { renderWithStream } from "./dashboardRender";

// A new thumbnailTimestampPct must change the URL: the old one is cached for an hour.
describe("posters follow the chosen frame", () => {
  const video = (pct: number) =>
    makeVideo("a".repeat(32), "ready", "100", {
      duration: 10,
      thumbnailTimestampPct: pct,
    });

  it("VideoThumbnail names the frame in its URL and changes it with the data", () => {
    const { rerender } = renderWithStream(<VideoThumbnail video={video(0.5)} width={160} />);
    const img = () => document.querySelector("img") as HTMLImageElement;
    expect(new URL(img().src).searchParams.get("time")).toBe("5s");
    rerender(<VideoThumbnail video={video(0.25)} width={160} />);
    expect(new URL(img().src).searchParams.get("time")).toBe("2.5s");
    // An explicit time still wins; no choice (0) leaves Stream's default.
    rerender(<VideoThumbnail video={video(0.25)} width={160} time={1} />);
    expect(new URL(img().src).searchParams.get("time")).toBe("1s");
    rerender(<VideoThumbnail video={video(0)} width={160} />);
    expect(new URL(img().src).searchParams.has("time")).toBe(false);
  });

  it("StreamPlayer's poster does the same", () => {
    const uid = "a".repeat(32);
    const { rerender, container } = renderWithStream(<StreamPlayer src={uid} video={video(0.5)} />);
    const poster = () => container.querySelector("img.sk-player__poster") as HTMLImageElement;
    expect(new URL(poster().src).searchParams.get("time")).toBe("5s");
    rerender(<StreamPlayer src={uid} video={video(0.1)} />);
    expect(new URL(poster().src).searchParams.get("time")).toBe("1s");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
