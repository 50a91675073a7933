"use client";

/**
 * `@streamkit/hooks/live-inputs`: Stream Live's inputs, outputs and recordings over
 * `@streamkit/core/live-inputs`, with the connection status kept fresh. A subpath of its own, so
 * apps without live video do not carry it.
 */
export { liveInputKeys } from "./liveInputKeys";
export {
  type UpdateLiveInputVariables,
  useCreateLiveInput,
  useDeleteLiveInput,
  useDisableLiveInput,
  useEnableLiveInput,
  useRotateLiveInputKeys,
  useUpdateLiveInput,
} from "./liveInputMutations";
export {
  liveInputQueryOptions,
  liveInputsQueryOptions,
  type UseLiveInputOptions,
  type UseLiveInputsOptions,
  useLiveInput,
  useLiveInputs,
  useLiveRecordings,
} from "./liveInputs";
export {
  type CreateLiveOutputVariables,
  type DeleteLiveOutputVariables,
  liveOutputsQueryOptions,
  type UpdateLiveOutputVariables,
  useCreateLiveOutput,
  useDeleteLiveOutput,
  useLiveOutputs,
  useUpdateLiveOutput,
} from "./liveOutputs";
