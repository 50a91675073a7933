import { parseDuration } from "../time";

/** The iframe's query parameters (§5.1), read the way the Stream player reads them. */
export interface PlayerParams {
  autoplay: boolean;
  muted: boolean;
  loop: boolean;
  controls: boolean;
  preload: "auto" | "metadata" | "none";
  poster?: string;
  startTime?: number;
  defaultTextTrack?: string;
  primaryColor?: string;
  letterboxColor?: string;
  /** Accepted and echoed to the SDK; the emulator plays no ads. */
  adUrl?: string;
}

/** Presence turns a flag on (`?autoplay`, `?autoplay=true`); only an explicit false turns it off. */
function flag(query: URLSearchParams, name: string): boolean | undefined {
  if (!query.has(name)) return undefined;
  return !/^(false|0)$/i.test(query.get(name) ?? "");
}

/** Only characters of CSS colours, so a parameter cannot break out of the style sheet. */
function cssColor(value: string | null): string | undefined {
  return value && /^[#\w\s(),.%-]{1,64}$/.test(value) ? value : undefined;
}

function httpUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function readPlayerParams(query: URLSearchParams): PlayerParams {
  const preloadText = query.get("preload");
  const preload =
    preloadText === "auto" || preloadText === "true"
      ? "auto"
      : preloadText === "metadata"
        ? "metadata"
        : "none";
  const startText = query.get("startTime");
  const params: PlayerParams = {
    autoplay: flag(query, "autoplay") ?? false,
    // The docs once used `mute`; the player's name is `muted`.
    muted: flag(query, "muted") ?? flag(query, "mute") ?? false,
    loop: flag(query, "loop") ?? false,
    controls: flag(query, "controls") ?? true,
    preload,
  };
  const poster = httpUrl(query.get("poster"));
  if (poster) params.poster = poster;
  const startTime = startText ? parseDuration(startText) : undefined;
  if (startTime !== undefined) params.startTime = startTime;
  const track = query.get("defaultTextTrack");
  if (track && /^[A-Za-z0-9-]{1,35}$/.test(track)) params.defaultTextTrack = track;
  const primary = cssColor(query.get("primaryColor"));
  if (primary) params.primaryColor = primary;
  const letterbox = cssColor(query.get("letterboxColor"));
  if (letterbox) params.letterboxColor = letterbox;
  const ad = httpUrl(query.get("ad-url"));
  if (ad) params.adUrl = ad;
  return params;
}
