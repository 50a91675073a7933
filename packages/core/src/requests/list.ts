import type { ListVideosParams } from "../types";
import { MAX_CREATOR_LENGTH, MAX_LIST_LIMIT, VIDEO_STATES, VIDEO_TYPES } from "./limits";
import { date, flag, list, number, object, oneOf, type Rule, text, uid } from "./rules";

/** `GET /stream` filters; each rule also gives the value's query-string form. */
const LIST_SHAPE: Record<keyof ListVideosParams, Rule> = {
  status: oneOf(VIDEO_STATES),
  creator: text(MAX_CREATOR_LENGTH),
  type: oneOf(VIDEO_TYPES),
  asc: flag,
  search: text(1024),
  video_name: text(1024),
  after: date,
  before: date,
  start: date,
  end: date,
  include_counts: flag,
  limit: number(1, MAX_LIST_LIMIT, true),
  id: list(uid, MAX_LIST_LIMIT),
  name: list(text(1024), MAX_LIST_LIMIT),
  live_input_id: uid,
};

/** Validates list filters and turns them into the query string the API expects. */
export function listQuery(params: ListVideosParams): URLSearchParams {
  object(params, "params");
  const query = new URLSearchParams();
  for (const [field, rule] of Object.entries(LIST_SHAPE)) {
    const value = params[field as keyof ListVideosParams];
    if (value !== undefined) query.set(field, rule(value, field));
  }
  return query;
}
