import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createStatusBatcher } from "../batcher";
import {
  createDownload,
  deleteCaption,
  deleteDownload,
  generateCaption,
  listCaptions,
  listDownloads,
  uploadCaption,
} from "../captions";
import { createStreamClient } from "../client";
import { StreamValidationError } from "../errors";
import {
  animatedThumbnailUrl,
  dashUrl,
  downloadUrl,
  hlsUrl,
  iframeUrl,
  legacyIframeUrl,
  thumbnailUrl,
  watchUrl,
} from "../urls";
import { isUid } from "../validate";
import { envelope, fakeFetch } from "./fakeFetch";

/**
 * Every place an id (video uid, signed token, caption language, download type) becomes part of a
 * URL path refuses hostile values with StreamValidationError before any request: the fetch below
 * must never be called. Each case also runs once with a good id, so "never called" is not
 * vacuous.
 */

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
const VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n";
const delivery = { deliveryOrigin: "https://delivery.test" };

/** Values that must never reach a path, for any kind of id. */
const HOSTILE: string[] = [
  "",
  " ",
  ".",
  "..",
  "../",
  "../../accounts",
  "..%2f",
  "%2e%2e",
  "%2E%2E%2F",
  "%252e%252e",
  "?x",
  "?x=1&y=2",
  "#",
  "#frag",
  "/",
  "a/b",
  "\\",
  "..\\",
  "\u0000",
  "\r\n",
  "é",
  "🎬",
  "ｆｕｌｌ",
  "x".repeat(10_000),
  `${UID}/../keys`,
  `${UID}?x`,
  `${UID}#x`,
  `${UID}/`,
  `/${UID}`,
  `${UID}\n`,
  ` ${UID}`,
  `${UID}%00`,
  UID.toUpperCase(),
  `${UID}0`,
  UID.slice(1),
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "audio/../default",
  "en/../../x",
  "en?x",
  "en#x",
  "a.b.c/../d",
  `${TOKEN}/..`,
  `${TOKEN}?x`,
];

type Kind =
  | "uid"
  | "uidList"
  | "deliveryId"
  | "language"
  | "generatable"
  | "downloadType"
  | "path"
  | "segment";

/** What each position legitimately accepts; everything else is hostile there. */
const ACCEPTABLE: Record<Kind, (value: string) => boolean> = {
  uid: isUid,
  uidList: (v) => v.split(",").every(isUid),
  // A token-shaped string is a valid delivery id: only those with other characters are hostile.
  deliveryId: (v) => isUid(v) || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v),
  language: (v) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(v),
  generatable: (v) =>
    ["cs", "nl", "en", "fr", "de", "it", "ja", "ko", "pl", "pt", "ru", "es"].includes(v),
  downloadType: (v) => v === "default" || v === "audio",
  path: (v) => /^(?:\/[A-Za-z0-9_-]{1,128})*$/.test(v),
  segment: (v) => /^(?:\/[A-Za-z0-9_-]{1,128})+$/.test(`/${v}`),
};

interface Case {
  name: string;
  kind: Kind;
  /** Calls the operation with `id` in one position and good values elsewhere. */
  run: (id: string) => unknown;
  /** The good value for the `id` position. */
  good: string;
  /** URL builders make no request: their good run returns a URL instead. */
  builder?: boolean;
}

function setup() {
  const { fetch, calls } = fakeFetch((req) =>
    req.method === "GET" && req.url.pathname === "/api/stream"
      ? envelope([{ uid: UID, status: { state: "ready" } }])
      : envelope({ uid: UID, token: "t" }),
  );
  const client = createStreamClient({ baseUrl: "/api/stream", fetch });
  return { client, calls, fetch: fetch as unknown as { mock: { calls: unknown[] } } };
}

type Client = ReturnType<typeof setup>["client"];
const clientCases = (c: Client): Case[] => [
  { name: "getVideo", kind: "uid", good: UID, run: (id) => c.getVideo(id) },
  { name: "updateVideo", kind: "uid", good: UID, run: (id) => c.updateVideo(id, { meta: {} }) },
  { name: "deleteVideo", kind: "uid", good: UID, run: (id) => c.deleteVideo(id) },
  { name: "createSignedToken", kind: "uid", good: UID, run: (id) => c.createSignedToken(id) },
  { name: "listVideos id", kind: "uidList", good: UID, run: (id) => c.listVideos({ id }) },
  { name: "listVideos id[]", kind: "uid", good: UID, run: (id) => c.listVideos({ id: [UID, id] }) },
  {
    name: "listVideos live_input_id",
    kind: "uid",
    good: UID,
    run: (id) => c.listVideos({ live_input_id: id }),
  },
  { name: "request", kind: "path", good: `/${UID}`, run: (id) => c.request(id) },
  { name: "request /uid", kind: "segment", good: UID, run: (id) => c.request(`/${id}`) },
  { name: "listCaptions", kind: "uid", good: UID, run: (id) => listCaptions(c, id) },
  {
    name: "uploadCaption uid",
    kind: "uid",
    good: UID,
    run: (id) => uploadCaption(c, id, "en", VTT),
  },
  {
    name: "uploadCaption language",
    kind: "language",
    good: "pt-BR",
    run: (id) => uploadCaption(c, UID, id, VTT),
  },
  {
    name: "generateCaption uid",
    kind: "uid",
    good: UID,
    run: (id) => generateCaption(c, id, "en"),
  },
  {
    name: "generateCaption language",
    kind: "generatable",
    good: "de",
    run: (id) => generateCaption(c, UID, id),
  },
  { name: "deleteCaption uid", kind: "uid", good: UID, run: (id) => deleteCaption(c, id, "en") },
  {
    name: "deleteCaption language",
    kind: "language",
    good: "en",
    run: (id) => deleteCaption(c, UID, id),
  },
  { name: "listDownloads", kind: "uid", good: UID, run: (id) => listDownloads(c, id) },
  { name: "createDownload uid", kind: "uid", good: UID, run: (id) => createDownload(c, id) },
  {
    name: "createDownload type",
    kind: "downloadType",
    good: "audio",
    run: (id) => createDownload(c, UID, id as "audio"),
  },
  { name: "deleteDownload uid", kind: "uid", good: UID, run: (id) => deleteDownload(c, id) },
  {
    name: "deleteDownload type",
    kind: "downloadType",
    good: "default",
    run: (id) => deleteDownload(c, UID, id as "default"),
  },
  {
    name: "status batcher load",
    kind: "uid",
    good: UID,
    run: (id) => createStatusBatcher(c).load(id),
  },
];

const builderCases: Case[] = [
  ["iframeUrl", (id: string) => iframeUrl(id, delivery)],
  ["legacyIframeUrl", (id: string) => legacyIframeUrl(id)],
  ["watchUrl", (id: string) => watchUrl(id, delivery)],
  ["thumbnailUrl", (id: string) => thumbnailUrl(id, delivery)],
  ["animatedThumbnailUrl", (id: string) => animatedThumbnailUrl(id, delivery)],
  ["hlsUrl", (id: string) => hlsUrl(id, delivery)],
  ["dashUrl", (id: string) => dashUrl(id, delivery)],
  ["downloadUrl", (id: string) => downloadUrl(id, delivery)],
].flatMap(([name, run]) =>
  [UID, TOKEN].map(
    (good): Case => ({
      name: `${name as string} (${good === UID ? "uid" : "token"})`,
      kind: "deliveryId",
      good,
      run: run as Case["run"],
      builder: true,
    }),
  ),
);
builderCases.push({
  name: "downloadUrl type",
  kind: "downloadType",
  good: "audio",
  run: (id) => downloadUrl(UID, delivery, { type: id as "audio" }),
  builder: true,
});

/** Runs a case; resolves with what it threw, or undefined when it did not throw. */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

const names = clientCases(setup().client).map((c) => c.name);
const hostileFor = (kind: Kind) =>
  HOSTILE.filter((h) => !ACCEPTABLE[kind](h)).map((h) => [JSON.stringify(h.slice(0, 30)), h]);
const kindOf = (name: string) =>
  (clientCases(setup().client).find((x) => x.name === name) as Case).kind;

describe("hostile ids never reach a URL", () => {
  describe.each(names)("%s", (name) => {
    it("works with a good id (the fetch is reached)", async () => {
      const { client, calls } = setup();
      const c = clientCases(client).find((x) => x.name === name) as Case;
      expect(await thrown(() => c.run(c.good))).toBeUndefined();
      expect(calls.length).toBeGreaterThan(0);
    });

    it.each(hostileFor(kindOf(name)))("refuses %s before any fetch", async (_shown, hostile) => {
      const { client, fetch } = setup();
      const c = clientCases(client).find((x) => x.name === name) as Case;
      const error = await thrown(() => c.run(hostile));
      expect(error).toBeInstanceOf(StreamValidationError);
      expect(fetch.mock.calls).toHaveLength(0);
    });
  });

  describe.each(builderCases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    it("builds a URL from a good id", () => {
      expect(new URL(c.run(c.good) as string).protocol).toMatch(/^https?:$/);
    });
    it.each(hostileFor(c.kind))("refuses %s", async (_shown, hostile) => {
      expect(await thrown(() => c.run(hostile))).toBeInstanceOf(StreamValidationError);
    });
  });
});

/** Strings that are not what `kind` accepts, built around good ids so they look plausible. */
function generatedHostile(kind: Kind, good: string): fc.Arbitrary<string> {
  const junk = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom("/", "..", "../", "?", "#", "%2e", "%2f", "\\", " ", "\n", "%", "é", "&"),
  );
  const around = fc
    .tuple(junk, junk, fc.boolean())
    .map(([before, after, both]) => (both ? `${before}${good}${after}` : `${good}${after}`));
  return fc.oneof(junk, around).filter((v) => !ACCEPTABLE[kind](v));
}

describe("hostile ids, generated (fast-check)", () => {
  it("every client operation refuses them before any fetch", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: names.length - 1 }).chain((i) => {
          const probe = clientCases(setup().client)[i] as Case;
          return fc.tuple(fc.constant(i), generatedHostile(probe.kind, probe.good));
        }),
        async ([i, hostile]) => {
          const { client, fetch } = setup();
          const c = clientCases(client)[i] as Case;
          expect(await thrown(() => c.run(hostile))).toBeInstanceOf(StreamValidationError);
          expect(fetch.mock.calls).toHaveLength(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("every URL builder refuses them", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: builderCases.length - 1 }).chain((i) => {
          const c = builderCases[i] as Case;
          return fc.tuple(fc.constant(c), generatedHostile(c.kind, c.good));
        }),
        async ([c, hostile]) => {
          expect(await thrown(() => c.run(hostile))).toBeInstanceOf(StreamValidationError);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("what a builder does accept stays inside its path segment", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\w-]{1,20}\.[\w-]{1,20}\.[\w-]{1,20}$/), (token) => {
        const url = new URL(thumbnailUrl(token, delivery));
        expect(url.origin).toBe("https://delivery.test");
        expect(url.pathname).toBe(`/${token}/thumbnails/thumbnail.jpg`);
        expect(url.search).toBe("");
      }),
      { numRuns: 200 },
    );
  });
});
