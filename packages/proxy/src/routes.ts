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
  "clips.create",
  "watermarks.list",
  "watermarks.get",
  "watermarks.create",
  "watermarks.delete",
  "audio.list",
  "audio.copy",
  "audio.upload",
  "audio.update",
  "audio.delete",
  "liveInputs.list",
  "liveInputs.get",
  "liveInputs.create",
  "liveInputs.update",
  "liveInputs.delete",
  "liveInputs.enable",
  "liveInputs.disable",
  "liveInputs.rotateKeys",
  "liveOutputs.list",
  "liveOutputs.create",
  "liveOutputs.update",
  "liveOutputs.delete",
] as const;

export type OperationName = (typeof OPERATIONS)[number];
/** An operation name, a group wildcard such as `"captions.*"`, or `"*"`. */
export type OperationPattern = OperationName | `${string}.*` | "*";
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type DownloadType = "default" | "audio";

export interface RouteMatch {
  operation: OperationName;
  uid?: string;
  lang?: string;
  downloadType?: DownloadType;
  /** A watermark profile's uid (`/watermarks/{uid}`). */
  watermarkUid?: string;
  /** An additional audio track's uid (`/{uid}/audio/{audioUid}`). */
  audioUid?: string;
  /** A live input's uid (`/live_inputs/{liveInputUid}`). */
  liveInputUid?: string;
  /** A live output's uid (`/live_inputs/{liveInputUid}/outputs/{outputUid}`). */
  outputUid?: string;
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
  { pattern: ["clip"], methods: { POST: "clips.create" } },
  { pattern: ["watermarks"], methods: { GET: "watermarks.list", POST: "watermarks.create" } },
  {
    pattern: ["watermarks", ":watermarkUid"],
    methods: { GET: "watermarks.get", DELETE: "watermarks.delete" },
  },
  { pattern: ["live_inputs"], methods: { GET: "liveInputs.list", POST: "liveInputs.create" } },
  {
    pattern: ["live_inputs", ":liveInputUid"],
    methods: { GET: "liveInputs.get", PUT: "liveInputs.update", DELETE: "liveInputs.delete" },
  },
  { pattern: ["live_inputs", ":liveInputUid", "enable"], methods: { POST: "liveInputs.enable" } },
  { pattern: ["live_inputs", ":liveInputUid", "disable"], methods: { POST: "liveInputs.disable" } },
  {
    pattern: ["live_inputs", ":liveInputUid", "rotate_keys"],
    methods: { POST: "liveInputs.rotateKeys" },
  },
  {
    pattern: ["live_inputs", ":liveInputUid", "outputs"],
    methods: { GET: "liveOutputs.list", POST: "liveOutputs.create" },
  },
  {
    pattern: ["live_inputs", ":liveInputUid", "outputs", ":outputUid"],
    methods: { PUT: "liveOutputs.update", DELETE: "liveOutputs.delete" },
  },
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
  { pattern: [":uid", "audio"], methods: { GET: "audio.list", POST: "audio.upload" } },
  { pattern: [":uid", "audio", "copy"], methods: { POST: "audio.copy" } },
  {
    pattern: [":uid", "audio", ":audioUid"],
    methods: { PATCH: "audio.update", DELETE: "audio.delete" },
  },
];

/** Stream API routes that exist upstream but are deliberately not served (account-wide or admin). */
const NOT_SERVED = new Set(["keys", "webhook", "usage"]);
/** First segments that are words, never uids: `/clip/token` is no route, not a malformed uid. */
const WORDS = new Set([...NOT_SERVED, "clip", "watermarks", "live_inputs"]);

/** Path parts that hold another resource's uid: the field a malformed one is reported as. */
const UID_PARTS: Record<
  string,
  { field: string; key: "watermarkUid" | "audioUid" | "liveInputUid" | "outputUid" }
> = {
  ":watermarkUid": { field: "uid", key: "watermarkUid" },
  ":audioUid": { field: "audioUid", key: "audioUid" },
  ":liveInputUid": { field: "uid", key: "liveInputUid" },
  ":outputUid": { field: "outputUid", key: "outputUid" },
};

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
      const uidPart = UID_PARTS[part];
      if (part === ":uid") {
        if (isUid(segment)) match.uid = segment;
        else if (WORDS.has(segment)) fits = false;
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
      } else if (uidPart !== undefined) {
        const { field, key } = uidPart;
        if (!isUid(segment)) {
          rowInvalid ??= {
            field,
            message: `expected 32 lowercase hex characters, got ${quote(segment)}`,
          };
        } else match[key] = segment;
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
  return resolvePatterns(allow, OPERATIONS, "allow");
}

/** What `adminOnly` defaults to: watermark profiles are account-wide, so only admins change them. */
export const DEFAULT_ADMIN_ONLY: readonly OperationPattern[] = [
  "watermarks.create",
  "watermarks.delete",
];

/** Expands `adminOnly` like `allow`; the default is `DEFAULT_ADMIN_ONLY`, `[]` turns it off. */
export function resolveAdminOnly(
  adminOnly: readonly string[] | undefined,
): ReadonlySet<OperationName> {
  return resolvePatterns(adminOnly, DEFAULT_ADMIN_ONLY, "adminOnly");
}

function resolvePatterns(
  patterns: readonly string[] | undefined,
  fallback: readonly string[],
  option: string,
): ReadonlySet<OperationName> {
  if (patterns === undefined) return expand(fallback, option);
  if (!Array.isArray(patterns))
    throw new TypeError(`createStreamProxy: ${option} must be an array of operation names`);
  return expand(patterns, option);
}

function expand(patterns: readonly string[], option: string): ReadonlySet<OperationName> {
  const allowed = new Set<OperationName>();
  for (const pattern of patterns) {
    const hits =
      pattern === "*"
        ? [...OPERATIONS]
        : pattern.endsWith(".*")
          ? OPERATIONS.filter((op) => op.startsWith(pattern.slice(0, -1)))
          : OPERATIONS.filter((op) => op === pattern);
    if (hits.length === 0) {
      throw new TypeError(
        `createStreamProxy: unknown operation ${JSON.stringify(pattern)} in ${option}; known: ${OPERATIONS.join(", ")}`,
      );
    }
    for (const op of hits) allowed.add(op);
  }
  return allowed;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
