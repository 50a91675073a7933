import { streamKeys } from "./keys";

/**
 * Cache keys of the live-input hooks, under `streamKeys.all` so that clearing streamkit's cache
 * clears them too. They live on `@streamkit/hooks/live-inputs`, not beside `streamKeys`, so an
 * app without live video does not ship them.
 */
export const liveInputKeys = {
  /** Every live-input entry: the list, each input, each input's outputs. */
  all: () => [...streamKeys.all, "liveInputs"] as const,
  /** The account's live inputs (`useLiveInputs`). */
  list: () => [...liveInputKeys.all(), "list"] as const,
  /** One live input with its credentials and status (`useLiveInput`). */
  detail: (uid: string) => [...liveInputKeys.all(), "detail", uid] as const,
  /** One live input's simulcast outputs (`useLiveOutputs`). */
  outputs: (uid: string) => [...liveInputKeys.all(), "outputs", uid] as const,
};
