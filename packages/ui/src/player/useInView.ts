import { type RefObject, useEffect, useState } from "react";

/** True once the element has come within `margin` of the viewport; stays true. */
export function useInView(
  ref: RefObject<Element | null>,
  enabled: boolean,
  margin = "200px",
): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (!enabled || seen) return;
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setSeen(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, enabled, seen, margin]);
  return seen;
}
