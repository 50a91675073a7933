import { type FakeUpstream, startFakeUpstream } from "@streamkit/test-utils/upstream";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ProxyErrorCode } from "./errors";
import { toNodeHandler } from "./node";
import { envelopeOf, proxyFor, request } from "./test/helpers";
import { listen, rawRequest } from "./test/http";

/**
 * Hostile ids in every id position of every route (uid, caption language, download type) are
 * refused before any upstream call: 400 for uids and languages, 404 "no route" for a download
 * type (the route only exists for `default` and `audio`). Sent percent-encoded through the fetch
 * handler (what a careful client sends) and raw through the Node adapter (what a careless one
 * or an attacker sends, byte for byte).
 */

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";

type Position = "uid" | "lang" | "type";
interface Route {
  methods: string[];
  /** The path with one position left open. */
  path: (id: string) => string;
  position: Position;
}

const routes: Route[] = [
  { position: "uid", methods: ["GET", "POST", "DELETE"], path: (id) => `/${id}` },
  { position: "uid", methods: ["POST"], path: (id) => `/${id}/token` },
  { position: "uid", methods: ["GET"], path: (id) => `/${id}/captions` },
  { position: "uid", methods: ["GET", "PUT", "DELETE"], path: (id) => `/${id}/captions/en` },
  { position: "uid", methods: ["POST"], path: (id) => `/${id}/captions/en/generate` },
  { position: "uid", methods: ["GET"], path: (id) => `/${id}/captions/en/vtt` },
  { position: "uid", methods: ["GET", "POST", "DELETE"], path: (id) => `/${id}/downloads` },
  { position: "uid", methods: ["POST", "DELETE"], path: (id) => `/${id}/downloads/audio` },
  {
    position: "lang",
    methods: ["GET", "PUT", "DELETE"],
    path: (id) => `/${UID}/captions/${id}`,
  },
  { position: "lang", methods: ["POST"], path: (id) => `/${UID}/captions/${id}/generate` },
  { position: "lang", methods: ["GET"], path: (id) => `/${UID}/captions/${id}/vtt` },
  { position: "type", methods: ["POST", "DELETE"], path: (id) => `/${UID}/downloads/${id}` },
];

const HOSTILE = [
  "",
  " ",
  ".",
  "..",
  "../",
  "../../keys",
  "%2e%2e",
  "%2E%2E%2F",
  "%252e",
  "?x",
  "#",
  "/",
  "a/b",
  "\\",
  "\u0000",
  "é",
  "🎬",
  "x".repeat(10_000),
  `${UID}/../keys`,
  `${UID}?x`,
  `${UID}#x`,
  UID.toUpperCase(),
  `${UID}0`,
  "__proto__",
  "constructor",
  "en/../..",
  "default/../audio",
];

const GOOD: Record<Position, RegExp> = {
  uid: /^[0-9a-f]{32}$/,
  lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/,
  type: /^(default|audio)$/,
};

/**
 * 400 for uids and languages. A download type is 400 too when its characters are refused as a
 * path, or 404 "no route" when it is clean but not `default` or `audio`.
 */
async function expectRefused(
  response: Response | { status: number; body: string },
  route: Route,
  hostile: string,
  /** A raw `/` in an id makes another path: the route table answers it with 404. */
  raw = false,
) {
  const allowed = route.position === "type" || (raw && hostile.includes("/")) ? [400, 404] : [400];
  expect(allowed, JSON.stringify(hostile.slice(0, 40))).toContain(response.status);
  const body =
    response instanceof Response
      ? await envelopeOf(response)
      : (JSON.parse(response.body) as Awaited<ReturnType<typeof envelopeOf>>);
  expect(body.success).toBe(false);
  expect(body.errors[0]?.code).toBe(
    response.status === 400 ? ProxyErrorCode.badRequest : ProxyErrorCode.noRoute,
  );
}

/** Percent-encodes a segment, dots included (`encodeURIComponent` leaves `.` and `..` as they are). */
const encode = (segment: string) => encodeURIComponent(segment).replace(/\./g, "%2E");

/**
 * `.` and `..` (even as `%2E`) are dot segments to every WHATWG URL parser, and an empty last
 * segment is another route (`/{uid}/captions/` lists captions): a fetch-style runtime resolves
 * them before the handler runs, into a different but legitimate path. Only the Node adapter sees
 * them raw, and the raw test below checks that it refuses them.
 */
const resolvedByUrlParser = (segment: string) => ["", ".", ".."].includes(segment);

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
  fake.addVideo({ uid: UID });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.requests.length = 0;
});

const cases = routes.flatMap((route) =>
  route.methods.map(
    (method) => [`${method} ${route.path(`<${route.position}>`)}`, method, route] as const,
  ),
);

describe("the proxy refuses hostile ids before any upstream call", () => {
  it.each(cases)("%s (encoded)", async (_name, method, route) => {
    const proxy = proxyFor(fake);
    for (const hostile of HOSTILE) {
      if (resolvedByUrlParser(hostile)) continue;
      const response = await proxy.fetch(
        request(method, route.path(encode(hostile)), {
          ...(method === "PUT"
            ? { body: "x", headers: { "content-type": "multipart/form-data; boundary=b" } }
            : {}),
        }),
      );
      await expectRefused(response, route, hostile);
    }
    expect(fake.requests).toEqual([]);
  });

  it("the control: good ids do reach upstream", async () => {
    const proxy = proxyFor(fake);
    for (const route of routes) {
      const good = { uid: UID, lang: "en", type: "audio" }[route.position];
      await proxy.fetch(request("POST", route.path(good)));
    }
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it("raw paths through the Node adapter (ASCII, as sent byte for byte)", async () => {
    const app = await listen(toNodeHandler(proxyFor(fake)));
    try {
      for (const route of routes) {
        for (const hostile of HOSTILE) {
          // `?` and `#` end the path before the proxy sees it (a list request, a fragment):
          // that is the URL's meaning, not the id reaching a path. Node's client refuses the rest.
          // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the hostile ids.
          if (/[?#\u0000]|[^\x20-\x7e]/.test(hostile) || hostile === "" || hostile === " ")
            continue;
          const answer = await rawRequest(
            app.origin,
            route.methods[0] as string,
            `/api/stream${route.path(hostile)}`,
          );
          await expectRefused(answer, route, hostile, true);
        }
      }
    } finally {
      await app.close();
    }
    expect(fake.requests).toEqual([]);
  });

  it("generated ids (fast-check), in every position", async () => {
    const proxy = proxyFor(fake);
    const junk = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom("/", "..", "../", "?", "#", "%2e", "%2f", "\\", " ", "%"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        fc.oneof(
          junk,
          fc.tuple(junk, junk).map(([a, b]) => `${a}${UID}${b}`),
        ),
        async ([, method, route], hostile) => {
          fc.pre(!GOOD[route.position].test(hostile) && !resolvedByUrlParser(hostile));
          const response = await proxy.fetch(request(method, route.path(encode(hostile))));
          await expectRefused(response, route, hostile);
        },
      ),
      { numRuns: 300 },
    );
    expect(fake.requests).toEqual([]);
  });
});
