import type { StreamClient } from "@streamkit/core";
import {
  type CreateLiveOutputRequest,
  createLiveOutput,
  deleteLiveOutput,
  type LiveOutput,
  listLiveOutputs,
  updateLiveOutput,
} from "@streamkit/core/live-inputs";
import {
  type QueryClient,
  queryOptions,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { liveInputKeys } from "./liveInputKeys";
import { queryUid } from "./queryUid";
import { retryDelay, shouldRetry } from "./retry";

/** Query options for a live input's simulcast outputs (`GET /live_inputs/{uid}/outputs`). */
export function liveOutputsQueryOptions(client: StreamClient, uid: string) {
  return queryOptions<LiveOutput[]>({
    queryKey: liveInputKeys.outputs(uid),
    queryFn: ({ signal }) => listLiveOutputs(client, uid, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

/** The outputs (simulcast targets) of a live input, their stream keys included. */
export function useLiveOutputs(
  uid: string | undefined,
  { enabled = true } = {},
): UseQueryResult<LiveOutput[], Error> {
  const { client, retry } = useStreamContext();
  const { key, run } = queryUid(uid);
  return useQuery({ ...liveOutputsQueryOptions(client, key), ...retry, enabled: enabled && run });
}

const write = (
  queryClient: QueryClient,
  uid: string,
  change: (list: LiveOutput[]) => LiveOutput[],
) =>
  queryClient.setQueryData<LiveOutput[]>(liveInputKeys.outputs(uid), (list) =>
    list ? change(list) : list,
  );

export type CreateLiveOutputVariables = { uid: string } & CreateLiveOutputRequest;

/** Adds a simulcast target (checked first: an `rtmp://`, `rtmps://` or `srt://` URL and a key). */
export function useCreateLiveOutput() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<LiveOutput, Error, CreateLiveOutputVariables>({
    mutationFn: ({ uid, ...body }) => createLiveOutput(client, uid, body),
    onSuccess: (output, { uid }) =>
      write(queryClient, uid, (list) => [...list.filter((o) => o.uid !== output.uid), output]),
  });
}

interface OutputRollback {
  before: LiveOutput | undefined;
  index: number;
}

/** Takes one output out of the cached list (or flips its flag); returns how to put it back. */
async function changeOutput(
  queryClient: QueryClient,
  uid: string,
  outputUid: string,
  change: (list: LiveOutput[]) => LiveOutput[],
): Promise<OutputRollback> {
  await queryClient.cancelQueries({ queryKey: liveInputKeys.outputs(uid), exact: true });
  const list = queryClient.getQueryData<LiveOutput[]>(liveInputKeys.outputs(uid)) ?? [];
  const index = list.findIndex((o) => o.uid === outputUid);
  write(queryClient, uid, change);
  return { before: list[index], index };
}

function putBack(queryClient: QueryClient, uid: string, rollback: OutputRollback | undefined) {
  const before = rollback?.before;
  if (!before) return;
  write(queryClient, uid, (list) => {
    const rest = list.filter((o) => o.uid !== before.uid);
    return [...rest.slice(0, rollback.index), before, ...rest.slice(rollback.index)];
  });
}

export interface UpdateLiveOutputVariables {
  uid: string;
  outputUid: string;
  enabled: boolean;
}

/** Starts or stops forwarding to one target; the flag flips at once, and back on a refusal. */
export function useUpdateLiveOutput() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<LiveOutput, Error, UpdateLiveOutputVariables, OutputRollback>({
    mutationFn: ({ uid, outputUid, enabled }) =>
      updateLiveOutput(client, uid, outputUid, { enabled }),
    onMutate: ({ uid, outputUid, enabled }) =>
      changeOutput(queryClient, uid, outputUid, (list) =>
        list.map((o) => (o.uid === outputUid ? { ...o, enabled } : o)),
      ),
    onError: (_error, { uid }, rollback) => putBack(queryClient, uid, rollback),
    onSuccess: (output, { uid }) =>
      write(queryClient, uid, (list) => list.map((o) => (o.uid === output.uid ? output : o))),
  });
}

export interface DeleteLiveOutputVariables {
  uid: string;
  outputUid: string;
}

/** Removes a target: it leaves the cached list at once and comes back if the API refuses. */
export function useDeleteLiveOutput() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<void, Error, DeleteLiveOutputVariables, OutputRollback>({
    mutationFn: ({ uid, outputUid }) => deleteLiveOutput(client, uid, outputUid),
    onMutate: ({ uid, outputUid }) =>
      changeOutput(queryClient, uid, outputUid, (list) => list.filter((o) => o.uid !== outputUid)),
    onError: (_error, { uid }, rollback) => putBack(queryClient, uid, rollback),
  });
}
