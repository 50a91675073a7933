import type { Video } from "@streamkit/core";
import { describe, expect, it } from "vitest";
import { parseAllowedOrigins } from "../details/allowedOrigins";
import { toChanges, toDraft } from "../details/draft";

const video: Video = {
  uid: "0".repeat(32),
  meta: { views: 3, name: "Cat", tags: ["a"] },
  requireSignedURLs: false,
  allowedOrigins: ["example.com"],
  scheduledDeletion: "2027-01-02T10:00:00Z",
};

describe("allowed origins", () => {
  it("accepts host names and wildcards, one per line", () => {
    expect(
      parseAllowedOrigins(" example.com \n\n*.example.org\r\nlocalhost:3000\nxn--bcher-kva.ch"),
    ).toEqual({
      origins: ["example.com", "*.example.org", "localhost:3000", "xn--bcher-kva.ch"],
      invalid: [],
    });
  });
  it("lists what is not a host name", () => {
    expect(
      parseAllowedOrigins("https://example.com\nexample.com/path\n*\n-bad.com\na..b\nfoo.*.com")
        .invalid,
    ).toEqual(["https://example.com", "example.com/path", "*", "-bad.com", "a..b", "foo.*.com"]);
  });
});

describe("draft", () => {
  it("round-trips without changes, whatever the key order", () => {
    expect(toChanges(video, toDraft(video))).toEqual({ changes: {}, errors: [] });
  });

  it("keeps non-string values that were not touched, and treats odd keys as plain keys", () => {
    const draft = toDraft(video);
    draft.meta.push(
      { id: 9, key: "__proto__", value: "x" },
      { id: 10, key: "constructor", value: "y" },
    );
    const { changes, errors } = toChanges(video, draft);
    expect(errors).toEqual([]);
    expect(Object.entries(changes.meta ?? {})).toEqual([
      ["name", "Cat"],
      ["views", 3],
      ["tags", ["a"]],
      ["__proto__", "x"],
      ["constructor", "y"],
    ]);
  });

  it("clears the name, keeps the day of a deletion date, and clears the date with null", () => {
    const draft = { ...toDraft(video), name: " ", scheduledDeletion: "" };
    expect(toChanges(video, draft).changes).toEqual({
      meta: { views: 3, tags: ["a"] },
      scheduledDeletion: null,
    });
    expect(
      toChanges(video, { ...toDraft(video), scheduledDeletion: "2027-01-02" }).changes,
    ).toEqual({});
  });
});
