import type { StreamSdk } from "./types";

declare global {
  interface Window {
    Stream?: StreamSdk;
  }
}

const loads = new Map<string, Promise<StreamSdk>>();

/**
 * Loads the player SDK script once per page and URL, however many players ask. A failed load
 * is forgotten so the next player can try again.
 */
export function loadStreamSdk(url: string): Promise<StreamSdk> {
  if (typeof window === "undefined")
    return Promise.reject(new Error("the Stream SDK needs a browser"));
  if (window.Stream) return Promise.resolve(window.Stream);
  let load = loads.get(url);
  if (!load) {
    load = new Promise<StreamSdk>((resolve, reject) => {
      const existing = document.querySelector<HTMLScriptElement>(
        `script[src="${CSS.escape(url)}"]`,
      );
      const script = existing ?? document.createElement("script");
      const done = () =>
        window.Stream ? resolve(window.Stream) : reject(new Error(`${url} did not define Stream`));
      script.addEventListener("load", done, { once: true });
      script.addEventListener(
        "error",
        () => reject(new Error(`could not load the Stream SDK from ${url}`)),
        {
          once: true,
        },
      );
      if (!existing) {
        script.src = url;
        script.async = true;
        document.head.appendChild(script);
      }
    });
    loads.set(url, load);
    load.catch(() => loads.delete(url));
  }
  return load;
}
