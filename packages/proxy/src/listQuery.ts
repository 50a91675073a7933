import {
  type ListVideosParams,
  listQuery,
  StreamValidationError,
  type VideoState,
} from "@streamkit/core";

/**
 * The query of `GET {basePath}`: only the parameters of the list API are kept, each validated by
 * core's `listQuery` and re-serialised, so nothing the proxy does not understand reaches the API.
 * A creator scope replaces whatever `creator` the browser sent.
 */

const STRINGS = [
  "creator",
  "search",
  "video_name",
  "after",
  "before",
  "start",
  "end",
  "id",
  "name",
] as const;

export function listSearch(search: URLSearchParams, scope: string | undefined): URLSearchParams {
  const params: ListVideosParams = {};
  for (const key of STRINGS) {
    const value = search.get(key);
    if (value !== null) params[key] = value;
  }
  const status = search.get("status");
  if (status !== null) params.status = status as VideoState;
  const type = search.get("type");
  if (type !== null) params.type = type as "vod" | "live";
  const liveInput = search.get("live_input_id");
  if (liveInput !== null) params.live_input_id = liveInput;
  const asc = bool(search, "asc");
  if (asc !== undefined) params.asc = asc;
  const counts = bool(search, "include_counts");
  if (counts !== undefined) params.include_counts = counts;
  const limit = search.get("limit");
  if (limit !== null) {
    if (!/^\d{1,6}$/.test(limit)) {
      throw new StreamValidationError(
        "limit",
        `expected a whole number 1..1000, got ${JSON.stringify(limit)}`,
      );
    }
    params.limit = Number(limit);
  }
  if (scope !== undefined) params.creator = scope;
  return listQuery(params);
}

/** `GET {basePath}/storage-usage` takes `creator` only. */
export function storageSearch(search: URLSearchParams, scope: string | undefined): URLSearchParams {
  const query = new URLSearchParams();
  const creator = scope ?? search.get("creator");
  if (creator !== null && creator !== undefined) {
    if (creator.length > 64)
      throw new StreamValidationError("creator", `at most 64 characters, got ${creator.length}`);
    query.set("creator", creator);
  }
  return query;
}

function bool(search: URLSearchParams, key: string): boolean | undefined {
  const value = search.get(key);
  if (value === null) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new StreamValidationError(key, `expected true or false, got ${JSON.stringify(value)}`);
}
