import type { RequestOptions, StreamClient } from "../client";
import type { components } from "../generated/stream-api";
import { MAX_CREATOR_LENGTH } from "../requests/limits";
import { assertStringMax } from "../validate";

/** `{ creator?, totalStorageMinutes, totalStorageMinutesLimit, videoCount }` (§3.15). */
export type StorageUsage = NonNullable<
  components["schemas"]["stream_storage_use_response"]["result"]
>;

/**
 * `GET /stream/storage-usage`: minutes stored against the account's limit. Behind a scoped
 * proxy the figures are the caller's own creator's whatever `creator` says.
 */
export async function getStorageUsage(
  client: StreamClient,
  params: { creator?: string } = {},
  options: RequestOptions = {},
): Promise<StorageUsage> {
  const query = new URLSearchParams();
  if (params.creator !== undefined)
    query.set("creator", assertStringMax(params.creator, "creator", MAX_CREATOR_LENGTH));
  return (await client.request<StorageUsage>("/storage-usage", { ...options, query })).result;
}

/** Used share of the limit, 0..1; `undefined` when the account reports no limit. */
export function storageFraction(usage: StorageUsage): number | undefined {
  const { totalStorageMinutes: used, totalStorageMinutesLimit: limit } = usage;
  if (typeof used !== "number" || typeof limit !== "number" || limit <= 0) return undefined;
  return Math.min(1, Math.max(0, used / limit));
}
