import { act } from "@testing-library/react";
import { vi } from "vitest";

/** setImmediate stays real: msw answers requests through real I/O turns. */
export function useFakeClock(): void {
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
  });
}

/**
 * Lets timers fire, then lets requests (msw) and React settle. The fake clock turns a zero-delay
 * timer set during a tick into 1 ms (the batcher's window), so settling moves time by a few ms;
 * `rounds` is how many I/O turns that takes (uploads need more than reads).
 */
export async function advance(ms: number, rounds = 5): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
    for (let i = 0; i < rounds; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(1);
    }
  });
}
