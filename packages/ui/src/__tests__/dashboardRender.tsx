import { createStreamClient, type PollingPolicy } from "@streamkit/core";
import { StreamProvider } from "@streamkit/hooks";
import { BASE, DELIVERY } from "@streamkit/test-utils";
import { QueryClient } from "@tanstack/react-query";
import { act, render } from "@testing-library/react";
import type { ReactElement, ReactNode } from "react";
import { afterEach, beforeEach, expect, type MockInstance, vi } from "vitest";

export interface StreamRenderOptions {
  /** Give the provider a delivery origin. Defaults to true. */
  delivery?: boolean;
  polling?: Partial<PollingPolicy>;
}

/** Renders inside a StreamProvider with a fresh QueryClient pointed at the test proxy. */
export function renderWithStream(ui: ReactElement, options: StreamRenderOptions = {}) {
  // gcTime Infinity: no garbage-collection timers, so "no timers after unmount" is ours to prove.
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: Number.POSITIVE_INFINITY },
      mutations: { gcTime: Number.POSITIVE_INFINITY },
    },
  });
  const client = createStreamClient({ baseUrl: BASE });
  const delivery = options.delivery ?? true;
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <StreamProvider
        client={client}
        queryClient={queryClient}
        deliveryOrigin={delivery ? DELIVERY : undefined}
        polling={{ jitter: 0, ...options.polling }}
      >
        {children}
      </StreamProvider>
    );
  }
  return { ...render(ui, { wrapper: Wrapper }), queryClient, client };
}

/** Fake timers that leave setImmediate real: msw answers through real I/O turns. */
export function useFakeClock(): void {
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
  });
}

/** Lets timers fire, then lets requests (msw) and React settle. */
export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(1);
    }
  });
}

/** Fails the test on any console.error: React warnings (act, keys, updates after unmount). */
export function failOnConsoleError(): void {
  let spy: MockInstance<typeof console.error>;
  beforeEach(() => {
    spy = vi.spyOn(console, "error");
  });
  afterEach(() => {
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
}
