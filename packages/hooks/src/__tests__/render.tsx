import { createStreamClient } from "@streamkit/core";
import { BASE } from "@streamkit/test-utils";
import { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { StreamProvider, type StreamProviderProps } from "../StreamProvider";

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
}

/** A wrapper for renderHook: a fresh QueryClient and a provider pointed at the test proxy. */
export function wrapper(
  options: Partial<StreamProviderProps> = {},
  queryClient = testQueryClient(),
) {
  const client = createStreamClient({ baseUrl: BASE });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <StreamProvider
        client={client}
        queryClient={queryClient}
        polling={{ jitter: 0 }}
        {...options}
      >
        {children}
      </StreamProvider>
    );
  }
  return { Wrapper, queryClient, client };
}
