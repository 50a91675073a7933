import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { WindowedRows, Windowing, WindowOptions } from "./windowing";

// Layout effects warn during server rendering (React 18); there is no layout to read there.
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/** Not windowed: nothing to measure (one function, so memoized rows keep their props). */
const NO_MEASURE = () => {};

export interface VirtualRows extends WindowedRows {
  /** For each rendered row's element (with `data-index`): its real height is measured. */
  measure: (element: Element | null) => void;
}

/**
 * Windowing for a library view when it is `wanted` (bigger than a page, or with more pages to
 * come): only the rows near the viewport are rendered, against the page's scroll, and
 * `onNearEnd` fetches the next page before the viewer reaches the end. The server and the first
 * client render hold every loaded row (a server cannot know the viewport), so hydration
 * matches; windowing starts once its chunk (`./windowing`, on TanStack Virtual) has arrived.
 */
export function useVirtualRows(
  wanted: boolean,
  list: RefObject<Element | null>,
  options: WindowOptions,
): VirtualRows {
  const [rows, setRows] = useState<WindowedRows>();
  const [windowing, setWindowing] = useState<Windowing>();
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    if (!wanted) return;
    let active = true;
    let created: Windowing | undefined;
    import("./windowing").then(({ createWindowing }) => {
      if (!active) return;
      created = createWindowing(list, latest, setRows);
      setWindowing(created);
    });
    return () => {
      active = false;
      created?.destroy();
      setWindowing(undefined);
      setRows(undefined);
    };
  }, [wanted]);
  // Every render: the count, or the height of what is above the list, may have changed.
  useIsomorphicLayoutEffect(() => windowing?.update());
  const last = options.count - 1;
  return rows && windowing
    ? { ...rows, last: Math.min(rows.last, last), measure: windowing.measure }
    : { first: 0, last, before: 0, after: 0, columns: 1, fast: false, measure: NO_MEASURE };
}
