import {
  createLiveInput,
  deleteLiveInput,
  disableLiveInput,
  enableLiveInput,
  type LiveInput,
  type LiveInputList,
  type LiveInputRequest,
  type LiveInputSummary,
  rotateLiveInputKeys,
  updateLiveInput,
} from "@streamkit/core/live-inputs";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { liveInputKeys } from "./liveInputKeys";

/** A list entry from a full input: the list never holds credentials. */
const summaryOf = (input: LiveInput): LiveInputSummary => {
  const summary: LiveInputSummary = { uid: input.uid };
  for (const key of ["created", "modified", "meta", "enabled", "deleteRecordingAfterDays"] as const)
    if (input[key] !== undefined) Object.assign(summary, { [key]: input[key] });
  return summary;
};

function writeList(queryClient: QueryClient, change: (list: LiveInputList) => LiveInputList) {
  queryClient.setQueryData<LiveInputList>(liveInputKeys.list(), (list) =>
    list ? change(list) : list,
  );
}

/** The API's answer into the detail entry and, cut to a summary, into the list. */
function writeInput(queryClient: QueryClient, input: LiveInput): void {
  queryClient.setQueryData(liveInputKeys.detail(input.uid), input);
  writeList(queryClient, (list) => ({
    ...list,
    liveInputs: list.liveInputs.map((i) => (i.uid === input.uid ? summaryOf(input) : i)),
  }));
}

interface Snapshot {
  detail: LiveInput | undefined;
  list: LiveInputList | undefined;
}

/** Applies a change to the cached input and its list entry at once; returns what to restore. */
async function optimistic(
  queryClient: QueryClient,
  uid: string,
  change: <T extends LiveInputSummary>(input: T) => T,
): Promise<Snapshot> {
  const detailKey = liveInputKeys.detail(uid);
  const listKey = liveInputKeys.list();
  await Promise.all([
    queryClient.cancelQueries({ queryKey: detailKey, exact: true }),
    queryClient.cancelQueries({ queryKey: listKey, exact: true }),
  ]);
  const snapshot = {
    detail: queryClient.getQueryData<LiveInput>(detailKey),
    list: queryClient.getQueryData<LiveInputList>(listKey),
  };
  if (snapshot.detail) queryClient.setQueryData(detailKey, change(snapshot.detail));
  writeList(queryClient, (list) => ({
    ...list,
    liveInputs: list.liveInputs.map((i) => (i.uid === uid ? change(i) : i)),
  }));
  return snapshot;
}

function restore(queryClient: QueryClient, uid: string, snapshot: Snapshot | undefined): void {
  if (!snapshot) return;
  if (snapshot.detail) queryClient.setQueryData(liveInputKeys.detail(uid), snapshot.detail);
  const before = snapshot.list?.liveInputs.find((i) => i.uid === uid);
  const index = snapshot.list?.liveInputs.findIndex((i) => i.uid === uid) ?? -1;
  if (!before) return;
  // Only this input goes back: other changes may have landed since.
  writeList(queryClient, (list) => {
    const rest = list.liveInputs.filter((i) => i.uid !== uid);
    return { ...list, liveInputs: [...rest.slice(0, index), before, ...rest.slice(index)] };
  });
}

/**
 * Creates a live input (checked first; a bad field fails with `StreamValidationError` and sends
 * nothing). The answer, credentials included, goes into its detail entry; the list gains it.
 */
export function useCreateLiveInput() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<LiveInput, Error, LiveInputRequest | undefined>({
    mutationFn: (body) => createLiveInput(client, body ?? {}),
    onSuccess: (input) => {
      queryClient.setQueryData(liveInputKeys.detail(input.uid), input);
      writeList(queryClient, (list) => ({
        ...list,
        liveInputs: [summaryOf(input), ...list.liveInputs.filter((i) => i.uid !== input.uid)],
        ...(list.total === undefined ? {} : { total: list.total + 1 }),
      }));
    },
  });
}

export interface UpdateLiveInputVariables {
  uid: string;
  body: LiveInputRequest;
}

/**
 * Updates a live input. Its name, `meta`, `enabled` and recording settings show at once in the
 * cached input and list, and go back if the API refuses; the answer replaces them.
 */
export function useUpdateLiveInput() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<LiveInput, Error, UpdateLiveInputVariables, Snapshot>({
    mutationFn: ({ uid, body }) => updateLiveInput(client, uid, body),
    onMutate: ({ uid, body }) =>
      optimistic(queryClient, uid, (input) => {
        const next = { ...input };
        if (body.meta !== undefined) next.meta = body.meta;
        if (body.enabled !== undefined) next.enabled = body.enabled;
        if (body.deleteRecordingAfterDays !== undefined)
          next.deleteRecordingAfterDays = body.deleteRecordingAfterDays;
        if (body.recording && "recording" in next)
          Object.assign(next, { recording: { ...(next.recording as object), ...body.recording } });
        return next;
      }),
    onError: (_error, { uid }, snapshot) => restore(queryClient, uid, snapshot),
    onSuccess: (input) => writeInput(queryClient, input),
  });
}

/** `enable` or `disable`: the flag flips at once and flips back if the API refuses. */
function useToggle(enabled: boolean) {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<LiveInput, Error, string, Snapshot>({
    mutationFn: (uid) => (enabled ? enableLiveInput : disableLiveInput)(client, uid),
    onMutate: (uid) => optimistic(queryClient, uid, (input) => ({ ...input, enabled })),
    onError: (_error, uid, snapshot) => restore(queryClient, uid, snapshot),
    onSuccess: (input) => writeInput(queryClient, input),
  });
}

/** Lets the input take broadcasts again. */
export const useEnableLiveInput = () => useToggle(true);
/** Refuses broadcasts on the input and drops the one in progress. */
export const useDisableLiveInput = () => useToggle(false);

/**
 * New credentials for the same input; a broadcaster on the old key is disconnected. Not
 * optimistic (the keys come from the API): the answer replaces the cached input.
 */
export function useRotateLiveInputKeys() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<LiveInput, Error, string>({
    mutationFn: (uid) => rotateLiveInputKeys(client, uid),
    onSuccess: (input) => writeInput(queryClient, input),
  });
}

/**
 * Deletes a live input: it leaves the cached list at once and comes back, in its place, if the
 * request fails. Its recordings stay in the library.
 */
export function useDeleteLiveInput() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<void, Error, string, Snapshot>({
    mutationFn: (uid) => deleteLiveInput(client, uid),
    onMutate: async (uid) => {
      await queryClient.cancelQueries({ queryKey: liveInputKeys.list(), exact: true });
      const snapshot = {
        detail: queryClient.getQueryData<LiveInput>(liveInputKeys.detail(uid)),
        list: queryClient.getQueryData<LiveInputList>(liveInputKeys.list()),
      };
      writeList(queryClient, (list) => ({
        ...list,
        liveInputs: list.liveInputs.filter((i) => i.uid !== uid),
        ...(list.total === undefined ? {} : { total: Math.max(0, list.total - 1) }),
      }));
      return snapshot;
    },
    onError: (_error, uid, snapshot) => {
      const back = snapshot?.list?.liveInputs.some((i) => i.uid === uid);
      restore(queryClient, uid, snapshot);
      if (back)
        writeList(queryClient, (list) =>
          list.total === undefined ? list : { ...list, total: list.total + 1 },
        );
    },
    onSuccess: (_data, uid) => {
      queryClient.removeQueries({ queryKey: liveInputKeys.detail(uid), exact: true });
      queryClient.removeQueries({ queryKey: liveInputKeys.outputs(uid), exact: true });
    },
  });
}
