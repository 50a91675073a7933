import {
  measureElement,
  observeWindowOffset,
  observeWindowRect,
  Virtualizer,
  windowScroll,
} from "@tanstack/virtual-core";

/** Rows rendered beyond the viewport each way, so a fast scroll rarely shows a blank edge. */
const OVERSCAN = 6;
/**
 * Pixels per millisecond past which a scroll is a fling: rows rushing by, each seen for a
 * fraction of a second. A wheel notch or a drag scrolls well under it.
 */
const FLING = 3;

/**
 * Which items to render (`first` to `last`, indexes in the list), the space the others take
 * before and after them, and how many items make a row (a grid's columns; 1 for a table).
 */
export interface WindowedRows {
  first: number;
  last: number;
  before: number;
  after: number;
  columns: number;
  /**
   * The viewer is flinging through the list: rows mounted now will be gone in a moment, so
   * what they would fetch (a grid's thumbnails) can wait until the scroll slows or stops.
   */
  fast: boolean;
}

export interface WindowOptions {
  /** How many items the list holds (a grid lays several in a row). */
  count: number;
  /** A row's height before it is measured. */
  estimate: number;
  /** Space between rows (a CSS grid's row gap). */
  gap: number;
  /** Called when the last rows come near the viewport: time to fetch the next page. */
  onNearEnd: () => void;
}

export interface Windowing {
  /** Reads the options again (the count, the list's place on the page may have changed). */
  update(): void;
  /** For each rendered row's element (with `data-index`): its real height is measured. */
  measure(element: Element | null): void;
  destroy(): void;
}

/**
 * TanStack Virtual's core against the window's scroll, framework-free: it says which rows to
 * render (`onChange`, only when that or the spacing changes, not at every scrolled pixel) and
 * measures the rows it is given. The chunk of its own that `useVirtualRows` loads for a library
 * bigger than a page: a small library never fetches it.
 */
export function createWindowing(
  /** The element the rows start in: its distance from the top of the page is the margin. */
  list: { current: Element | null },
  options: { current: WindowOptions },
  onChange: (rows: WindowedRows) => void,
): Windowing {
  let shown: WindowedRows | undefined;
  let margin = 0;
  let columns = 1;
  let fast = false;
  let lastOffset = 0;
  let lastAt = 0;
  // Called when the range, the scrolling state or a measured size changes. The speed is judged
  // over a tenth of a second at least: a measurement right after a scroll step would otherwise
  // read as a stop, and every card would fetch at once.
  const track = (virtualizer: Virtualizer<Window, Element>) => {
    const offset = virtualizer.scrollOffset ?? 0;
    const at = performance.now();
    if (virtualizer.isScrolling && at - lastAt < 100) return;
    fast = virtualizer.isScrolling && Math.abs(offset - lastOffset) > FLING * (at - lastAt);
    lastOffset = offset;
    lastAt = at;
  };
  const emit = (virtualizer: Virtualizer<Window, Element>) => {
    const items = virtualizer.getVirtualItems();
    const head = items[0];
    const tail = items.at(-1);
    const next: WindowedRows = head
      ? {
          first: head.index * columns,
          last: Math.min(options.current.count, ((tail?.index ?? head.index) + 1) * columns) - 1,
          before: Math.round(head.start - margin),
          after: Math.max(0, Math.round(virtualizer.getTotalSize() - ((tail?.end ?? 0) - margin))),
          columns,
          fast,
        }
      : { first: 0, last: -1, before: 0, after: 0, columns, fast };
    if (
      shown?.first === next.first &&
      shown.last === next.last &&
      shown.before === next.before &&
      shown.after === next.after &&
      shown.columns === next.columns &&
      shown.fast === next.fast
    )
      return;
    shown = next;
    onChange(next);
    if (next.last >= options.current.count - 1 - OVERSCAN) options.current.onNearEnd();
  };
  const settings = () => {
    const o = options.current;
    const element = list.current;
    margin = Math.round((element?.getBoundingClientRect().top ?? 0) + window.scrollY);
    // A grid's cards fill rows of as many columns as its width holds: those rows are windowed.
    const template = element ? getComputedStyle(element).gridTemplateColumns : "none";
    columns = template === "none" || !template ? 1 : template.split(" ").length;
    return {
      count: Math.ceil(o.count / columns),
      estimateSize: () => o.estimate,
      gap: o.gap,
      scrollMargin: margin,
      overscan: OVERSCAN,
      getScrollElement: () => window,
      scrollToFn: windowScroll,
      observeElementRect: observeWindowRect,
      observeElementOffset: observeWindowOffset,
      measureElement,
      initialOffset: () => window.scrollY,
      onChange: (virtualizer: Virtualizer<Window, Element>) => {
        track(virtualizer);
        emit(virtualizer);
      },
    };
  };
  const virtualizer = new Virtualizer<Window, Element>(settings());
  const unmount = virtualizer._didMount();
  virtualizer._willUpdate();
  emit(virtualizer);
  return {
    update() {
      virtualizer.setOptions(settings());
      virtualizer._willUpdate();
      emit(virtualizer);
    },
    measure: (element) => virtualizer.measureElement(element),
    destroy: unmount,
  };
}
