import { useCallback, useEffect, useRef, useState } from "react";

/** `idle`, `copied` (for `resetMs`, then idle again), `failed` (until the next try). */
export type CopyState = "idle" | "copied" | "failed";

/**
 * Copies text with `navigator.clipboard`, read at the press (never at import or render, so it
 * is server-safe). A browser without a clipboard, an insecure page or a refused permission
 * all end in `failed`. The confirmation's timer is cleared on unmount, and an answer that
 * arrives after unmount changes nothing.
 */
export function useCopy(resetMs = 2_000): { state: CopyState; copy: (text: string) => void } {
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, []);

  const copy = useCallback(
    (text: string) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      // Called within the press itself: Safari allows the clipboard only there.
      let written: Promise<void>;
      try {
        written = navigator.clipboard.writeText(text);
      } catch (error) {
        written = Promise.reject(error);
      }
      written.then(
        () => {
          if (!mounted.current) return;
          clearTimeout(timer.current);
          setState("copied");
          timer.current = setTimeout(() => {
            timer.current = undefined;
            setState("idle");
          }, resetMs);
        },
        () => {
          if (mounted.current) setState("failed");
        },
      );
    },
    [resetMs],
  );
  return { state, copy };
}
