import type { UpdateVideoRequest, Video } from "@streamkit/core";
import { parseAllowedOrigins } from "./allowedOrigins";

/** One editable `meta` entry. `original` keeps a non-string value intact when left alone. */
export interface MetaRow {
  id: number;
  key: string;
  value: string;
  original?: unknown;
}

/** What the `VideoDetails` form edits, as the strings its fields hold. */
export interface Draft {
  name: string;
  meta: MetaRow[];
  requireSignedURLs: boolean;
  /** One host per line. */
  allowedOrigins: string;
  /** `YYYY-MM-DD` (UTC) or empty. */
  scheduledDeletion: string;
  /** The player's branding (`publicDetails`); empty clears a field. */
  publicDetails: Record<PublicDetail, string>;
}

/** The `publicDetails` fields the form edits; all but `title` are URLs. */
export const PUBLIC_DETAILS = ["title", "share_link", "channel_link", "logo"] as const;
export type PublicDetail = (typeof PUBLIC_DETAILS)[number];

export type DraftError =
  | { field: "meta"; row: number; problem: "missing-key" | "duplicate-key"; key: string }
  | { field: "allowedOrigins"; lines: string[] }
  | { field: "publicDetails"; key: PublicDetail };

const text = (value: unknown): string =>
  typeof value === "string" ? value : JSON.stringify(value ?? "");

export function toDraft(video: Video): Draft {
  const { name, ...others } = video.meta ?? {};
  return {
    name: name === undefined ? "" : text(name),
    meta: Object.entries(others).map(([key, value], id) => ({
      id,
      key,
      value: text(value),
      original: value,
    })),
    requireSignedURLs: video.requireSignedURLs ?? false,
    allowedOrigins: (video.allowedOrigins ?? []).join("\n"),
    scheduledDeletion: video.scheduledDeletion ? video.scheduledDeletion.slice(0, 10) : "",
    publicDetails: Object.fromEntries(
      PUBLIC_DETAILS.map((key) => [key, video.publicDetails?.[key] ?? ""]),
    ) as Record<PublicDetail, string>,
  };
}

const isHttpUrl = (value: string) => {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * The update request that turns `base` into `draft`, with only the fields that changed, or the
 * problems that stop it. `meta` is sent whole (the API replaces it); a date becomes the end of
 * that day in UTC; an empty date clears a scheduled deletion (`null`).
 */
export function toChanges(
  base: Video,
  draft: Draft,
): { changes: UpdateVideoRequest; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const changes: UpdateVideoRequest = {};

  // No prototype: a key such as "constructor" or "__proto__" is just a key.
  const meta: Record<string, unknown> = Object.create(null);
  const baseName = base.meta?.name;
  if (draft.name.trim() !== "") {
    meta.name = baseName !== undefined && text(baseName) === draft.name ? baseName : draft.name;
  }
  for (const row of draft.meta) {
    const key = row.key.trim();
    if (key === "" && row.value === "") continue;
    if (key === "") errors.push({ field: "meta", row: row.id, problem: "missing-key", key });
    else if (Object.hasOwn(meta, key))
      errors.push({ field: "meta", row: row.id, problem: "duplicate-key", key });
    else
      meta[key] =
        row.original !== undefined && text(row.original) === row.value ? row.original : row.value;
  }
  if (canonical(meta) !== canonical(base.meta ?? {})) changes.meta = meta;

  if (draft.requireSignedURLs !== (base.requireSignedURLs ?? false))
    changes.requireSignedURLs = draft.requireSignedURLs;

  const origins = parseAllowedOrigins(draft.allowedOrigins);
  if (origins.invalid.length > 0) errors.push({ field: "allowedOrigins", lines: origins.invalid });
  else if (origins.origins.join("\n") !== (base.allowedOrigins ?? []).join("\n"))
    changes.allowedOrigins = origins.origins;

  const date = /^\d{4}-\d{2}-\d{2}$/.test(draft.scheduledDeletion) ? draft.scheduledDeletion : "";
  if (date !== toDraft(base).scheduledDeletion)
    changes.scheduledDeletion = date ? `${date}T23:59:59Z` : null;

  // All four are sent when one changed (empty as null, which clears it): the API merges them,
  // and the optimistic update then shows exactly what the server will keep.
  const was = toDraft(base).publicDetails;
  let detailsChanged = false;
  const details: Record<string, string | null> = {};
  for (const key of PUBLIC_DETAILS) {
    const value = draft.publicDetails[key].trim();
    if (key !== "title" && value !== "" && !isHttpUrl(value))
      errors.push({ field: "publicDetails", key });
    if (value !== was[key].trim()) detailsChanged = true;
    details[key] = value === "" ? null : value;
  }
  if (detailsChanged) changes.publicDetails = details;

  return { changes, errors };
}

/** JSON with sorted keys, so that key order alone is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
