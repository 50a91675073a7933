import { describe, expect, it } from "vitest";
import { downloadFilename, withFilename } from "../media/downloadName";

describe("downloadFilename", () => {
  it("names the file after the video, in the characters Stream allows", () => {
    const named = (name: unknown) => downloadFilename({ uid: "a", meta: { name } });
    expect(named("Holiday in Rome.mov")).toBe("Holiday_in_Rome");
    expect(named("Café déjà vu — final!.mp4")).toBe("Cafe_deja_vu_final");
    expect(named("x".repeat(500))).toHaveLength(120);
    expect(named("???")).toBeUndefined();
    expect(named(42)).toBeUndefined();
    expect(downloadFilename(undefined)).toBeUndefined();
  });

  it("adds it to the link, after any query the link had", () => {
    expect(withFilename("https://d.test/u/downloads/default.mp4", "Rome")).toBe(
      "https://d.test/u/downloads/default.mp4?filename=Rome",
    );
    expect(withFilename("https://d.test/u/x.mp4?a=1", "Rome")).toBe(
      "https://d.test/u/x.mp4?a=1&filename=Rome",
    );
    expect(withFilename("https://d.test/u/x.mp4", undefined)).toBe("https://d.test/u/x.mp4");
  });
});
