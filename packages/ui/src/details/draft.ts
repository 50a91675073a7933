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
}

export type DraftError =
  | { field: "meta"; row: number; problem: "missing-key" | "duplicate-key"; key: string }
  | { field: "allowedOrigins"; lines: string[] };

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
  };
}

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
