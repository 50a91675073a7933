import { useCallback, useState } from "react";

export type LibraryView = "grid" | "table";
const KEY = "streamkit-dashboard:library-view";

function stored(): LibraryView {
  try {
    return globalThis.localStorage?.getItem(KEY) === "table" ? "table" : "grid";
  } catch {
    return "grid"; // storage refused (private mode, a sandboxed frame): thumbnails
  }
}

/** Thumbnails or table, remembered across visits on this browser. */
export function useLibraryViewChoice(): [LibraryView, (view: LibraryView) => void] {
  const [view, setView] = useState<LibraryView>(stored);
  const choose = useCallback((next: LibraryView) => {
    setView(next);
    try {
      globalThis.localStorage?.setItem(KEY, next);
    } catch {
      // Not remembered, still shown.
    }
  }, []);
  return [view, choose];
}
