"use client";

import type { DeliveryConfig } from "@streamkit/core/urls";
import { StreamProvider } from "@streamkit/hooks";
import { QueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { STREAM_API_PATH } from "@/lib/paths";

export interface ProvidersProps {
  delivery: DeliveryConfig;
  sdkUrl: string | undefined;
  children: ReactNode;
}

/**
 * The browser side of streamkit: one QueryClient per page load (never shared between users, as a
 * module-level one would be on the server) and the provider that talks to our proxy route.
 */
export function Providers({ delivery, sdkUrl, children }: ProvidersProps) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // What a server component prefetched is fresh when it arrives: without a stale time the
        // browser would fetch it all again the moment it hydrates.
        defaultOptions: { queries: { staleTime: 30_000 } },
      }),
  );
  return (
    <StreamProvider
      queryClient={queryClient}
      baseUrl={STREAM_API_PATH}
      {...delivery}
      sdkUrl={sdkUrl}
      // Verified webhooks arrive on `/api/stream/events`: ready and failed videos show at once.
      liveUpdates
    >
      {children}
    </StreamProvider>
  );
}
