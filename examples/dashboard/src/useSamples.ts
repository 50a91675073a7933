import { useEffect, useState } from "react";

export interface Sample {
  name: string;
  url: string;
}

/** The emulator's sample videos, so "upload from URL" works offline; empty on a real account. */
export function useSamples(): Sample[] {
  const [samples, setSamples] = useState<Sample[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/samples", { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : []))
      .then((list: unknown) => {
        if (Array.isArray(list))
          setSamples(list.filter((s): s is Sample => typeof s?.url === "string"));
      })
      .catch(() => {});
    return () => controller.abort();
  }, []);
  return samples;
}
