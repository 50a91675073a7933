import { MAX_LIST_LIMIT, VIDEO_STATES, type VideoState } from "@streamkit/core";
import { VIDEO_TYPES } from "@streamkit/core/requests";
import { badRequest } from "../envelope";
import { isUid } from "../ids";
import type { VideoRecord } from "../records";

function bool(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw badRequest(`${name}: expected true or false, got ${JSON.stringify(value)}.`);
}

function time(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t))
    throw badRequest(`${name}: expected an ISO 8601 date-time, got ${JSON.stringify(value)}.`);
  return t;
}

function list(query: URLSearchParams, name: string): string[] | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  return value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

const nameOf = (record: VideoRecord) =>
  typeof record.meta.name === "string" ? record.meta.name : "";

/**
 * `GET /stream` (§3.1): filters, newest first unless `asc`, at most `limit`. `range` is how many
 * matches are left after this window; `total` the number of matches (with `include_counts`).
 */
export function listVideos(records: VideoRecord[], query: URLSearchParams) {
  const states = list(query, "status");
  for (const state of states ?? []) {
    if (!VIDEO_STATES.includes(state as VideoState)) {
      throw badRequest(
        `status: expected one of ${VIDEO_STATES.join(", ")}, got ${JSON.stringify(state)}.`,
      );
    }
  }
  const type = query.get("type");
  if (type && !(VIDEO_TYPES as readonly string[]).includes(type))
    throw badRequest('type: expected "vod" or "live".');
  const ids = list(query, "id");
  for (const id of ids ?? [])
    if (!isUid(id)) throw badRequest(`id: ${JSON.stringify(id)} is not a video uid.`);
  const names = list(query, "name");
  const creator = query.get("creator");
  const search = query.get("search")?.toLowerCase();
  const videoName = query.get("video_name");
  const liveInput = query.get("live_input_id");
  const after = time(query, "after") ?? time(query, "start");
  const before = time(query, "before") ?? time(query, "end");
  const asc = bool(query, "asc") ?? false;
  const includeCounts = bool(query, "include_counts") ?? false;
  const limitText = query.get("limit");
  const limit = limitText === null || limitText === "" ? MAX_LIST_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw badRequest(
      `limit: expected a whole number 1..${MAX_LIST_LIMIT}, got ${JSON.stringify(limitText)}.`,
    );
  }

  const matches = records.filter((r) => {
    const created = Date.parse(r.created);
    if (states && !states.includes(r.state)) return false;
    if (type === "live" && !r.liveInput) return false;
    if (type === "vod" && r.liveInput) return false;
    if (liveInput && r.liveInput !== liveInput) return false;
    if (ids && !ids.includes(r.uid)) return false;
    if (creator !== null && creator !== "" && r.creator !== creator) return false;
    if (search && !nameOf(r).toLowerCase().includes(search)) return false;
    if (videoName !== null && videoName !== "" && nameOf(r) !== videoName) return false;
    if (names && !names.includes(nameOf(r))) return false;
    if (after !== undefined && !(created > after)) return false;
    if (before !== undefined && !(created < before)) return false;
    return true;
  });
  matches.sort((a, b) => (asc ? 1 : -1) * (Date.parse(a.created) - Date.parse(b.created)));
  const window = matches.slice(0, limit);
  const extra: { range: number; total?: number } = { range: matches.length - window.length };
  if (includeCounts) extra.total = matches.length;
  return { videos: window, extra };
}
