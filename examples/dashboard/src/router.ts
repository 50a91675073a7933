import { useSyncExternalStore } from "react";

/**
 * The dashboard's places: the library, one video, the watermark profiles, the live inputs and
 * one live input. Hash routes keep it static-hostable.
 */
export type Route =
  | { page: "library" }
  | { page: "watermarks" }
  | { page: "video"; uid: string }
  | { page: "live" }
  | { page: "liveInput"; uid: string };

function parse(hash: string): Route {
  if (hash === "#/watermarks") return { page: "watermarks" };
  if (hash === "#/live") return { page: "live" };
  const live = /^#\/live\/([0-9a-f]{32})$/.exec(hash);
  if (live?.[1]) return { page: "liveInput", uid: live[1] };
  const match = /^#\/videos\/([0-9a-f]{32})$/.exec(hash);
  return match?.[1] ? { page: "video", uid: match[1] } : { page: "library" };
}

function subscribe(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => "",
  );
  return parse(hash);
}

export const videoHref = (uid: string) => `#/videos/${uid}`;
export const liveHref = (uid: string) => `#/live/${uid}`;

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, "");
}
