import { isUid } from "@streamkit/core";

/**
 * The operations the proxy knows, as a table of path patterns. Anything that does not match a
 * row is never forwarded: the allowlist is the table itself, and `allow` narrows it further.
 */

export const OPERATIONS = [
  "videos.list",
  "videos.get",
  "videos.update",
  "videos.delete",
  "videos.copy",
  "uploads.direct",
  "uploads.tus",
  "videos.token",
  "captions.list",
  "captions.get",
  "captions.upload",
  "captions.delete",
  "captions.generate",
  "captions.vtt",
  "downloads.list",
  "downloads.create",
  "downloads.delete",
  "storage.usage",
  "events.subscribe",
] as const;

export type OperationName = (typeof OPERATIONS)[number];
/** An operation name, a group wildcard such as `"captions.*"`, or `"*"`. */
export type OperationPattern = OperationName | `${string}.*` | "*";
export type Method = "GET" | "POST" | "PUT" | "DELETE";
export type DownloadType = "default" | "audio";

export interface RouteMatch {
  operation: OperationName;
  uid?: string;
  lang?: string;
  downloadType?: DownloadType;
}

export type RouteResult =
  | { kind: "match"; match: RouteMatch }
  | { kind: "method"; allow: Method[] }
  | { kind: "none"; message: string }
  | { kind: "invalid"; field: string; message: string };

interface RouteRow {
  pattern: readonly string[];
  methods: Partial<Record<Method, OperationName>>;
}

/** Literal rows first, so `/copy` never reads as a uid. */
const ROUTES: readonly RouteRow[] = [
  { pattern: [], methods: { GET: "videos.list", POST: "uploads.tus" } },
  { pattern: ["copy"], methods: { POST: "videos.copy" } },
  { pattern: ["direct_upload"], methods: { POST: "uploads.direct" } },
  { pattern: ["storage-usage"], methods: { GET: "storage.usage" } },
  { pattern: ["events"], methods: { GET: "events.subscribe" } },
  {
    pattern: [":uid"],
    methods: { GET: "videos.get", POST: "videos.update", DELETE: "videos.delete" },
  },
  { pattern: [":uid", "token"], methods: { POST: "videos.token" } },
  { pattern: [":uid", "captions"], methods: { GET: "captions.list" } },
  {
    pattern: [":uid", "captions", ":lang"],
    methods: { GET: "captions.get", PUT: "captions.upload", DELETE: "captions.delete" },
  },
  { pattern: [":uid", "captions", ":lang", "generate"], methods: { POST: "captions.generate" } },
  { pattern: [":uid", "captions", ":lang", "vtt"], methods: { GET: "captions.vtt" } },
  {
    pattern: [":uid", "downloads"],
    methods: { GET: "downloads.list", POST: "downloads.create", DELETE: "downloads.delete" },
  },
  {
    pattern: [":uid", "downloads", ":type"],
    methods: { POST: "downloads.create", DELETE: "downloads.delete" },
  },
];

/** Stream API routes that exist upstream but are deliberately not served (account-wide or admin). */
const NOT_SERVED = new Set(["keys", "live_inputs", "watermarks", "webhook", "clip", "usage"]);

/** BCP-47-ish: `en`, `pt-BR`, `zh-Hant-TW`. */
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export function matchRoute(method: string, segments: readonly string[]): RouteResult {
  let invalid: { field: string; message: string } | undefined;
  for (const row of ROUTES) {
    if (row.pattern.length !== segments.length) continue;
    const match: Partial<RouteMatch> = {};
    let fits = true;
    let rowInvalid: { field: string; message: string } | undefined;
    row.pattern.forEach((part, i) => {
      const segment = segments[i] ?? "";
      if (!fits) return;
      if (part === ":uid") {
        if (isUid(segment)) match.uid = segment;
        else if (NOT_SERVED.has(segment)) fits = false;
        else
          rowInvalid ??= {
            field: "uid",
            message: `expected 32 lowercase hex characters, got ${quote(segment)}`,
          };
      } else if (part === ":lang") {
        if (LANG.test(segment)) match.lang = segment;
        else
          rowInvalid ??= {
            field: "language",
            message: `expected a BCP-47 language tag, got ${quote(segment)}`,
          };
      } else if (part === ":type") {
        if (segment === "default" || segment === "audio") match.downloadType = segment;
        else fits = false;
      } else if (part !== segment) {
        fits = false;
      }
    });
    if (!fits) continue;
    if (rowInvalid) {
      invalid ??= rowInvalid;
      continue;
    }
    const operation = row.methods[method as Method];
    if (operation === undefined)
      return { kind: "method", allow: Object.keys(row.methods) as Method[] };
    return { kind: "match", match: { ...match, operation } };
  }
  if (invalid) return { kind: "invalid", ...invalid };
  const path = segments.length === 0 ? "/" : `/${segments.join("/")}`;
  const first = segments[0];
  const hint =
    first !== undefined && NOT_SERVED.has(first)
      ? `/${first} is a Stream API route this proxy deliberately does not serve`
      : "see the routes table in the @streamkit/proxy README";
  return { kind: "none", message: `No route for ${method} ${path}: ${hint}` };
}

/** Expands `allow` (names and `group.*` wildcards) into a set; unknown names are a configuration error. */
export function resolveAllowed(allow: readonly string[] | undefined): ReadonlySet<OperationName> {
  if (allow === undefined) return new Set(OPERATIONS);
  if (!Array.isArray(allow))
    throw new TypeError("createStreamProxy: allow must be an array of operation names");
  const allowed = new Set<OperationName>();
  for (const pattern of allow) {
    const hits =
      pattern === "*"
        ? [...OPERATIONS]
        : pattern.endsWith(".*")
          ? OPERATIONS.filter((op) => op.startsWith(pattern.slice(0, -1)))
          : OPERATIONS.filter((op) => op === pattern);
    if (hits.length === 0) {
      throw new TypeError(
        `createStreamProxy: unknown operation ${JSON.stringify(pattern)} in allow; known: ${OPERATIONS.join(", ")}`,
      );
    }
    for (const op of hits) allowed.add(op);
  }
  return allowed;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
