import { useCallback, useEffect, useState } from "react";

/**
 * `value`, once it has stayed the same for `delayMs`. `flush()` takes the current value at once
 * (Enter in a search box). The timer is cleared on every change and on unmount.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): [T, () => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, settled, delayMs]);
  const flush = useCallback(() => setSettled(value), [value]);
  return [settled, flush];
}
