import { useEffect, useState } from "react";
import { loadStreamSdk } from "./sdk";
import type { StreamPlayerApi } from "./types";

export interface StreamApiState {
  api: StreamPlayerApi | undefined;
  /** The SDK script failed to load. */
  error: Error | undefined;
}

/** Binds the SDK's player object to the iframe once both exist; a new iframe gets a new object. */
export function useStreamApi(iframe: HTMLIFrameElement | null, sdkUrl: string): StreamApiState {
  const [state, setState] = useState<StreamApiState>({ api: undefined, error: undefined });
  useEffect(() => {
    if (!iframe) {
      setState({ api: undefined, error: undefined });
      return;
    }
    let cancelled = false;
    loadStreamSdk(sdkUrl).then(
      (sdk) => {
        if (!cancelled) setState({ api: sdk(iframe), error: undefined });
      },
      (error: Error) => {
        if (!cancelled) setState({ api: undefined, error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [iframe, sdkUrl]);
  return state;
}
