import { createStreamClient, StreamApiError, StreamValidationError } from "@streamkit/core";
import { type LiveInputList, liveInputPhase } from "@streamkit/core/live-inputs";
import { type Stack, startStack } from "@streamkit/test-utils/stack";
import { QueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { liveInputKeys } from "../liveInputKeys";
import {
  useCreateLiveInput,
  useDeleteLiveInput,
  useDisableLiveInput,
  useRotateLiveInputKeys,
  useUpdateLiveInput,
} from "../liveInputMutations";
import { useLiveInput, useLiveInputs, useLiveRecordings } from "../liveInputs";
import {
  useCreateLiveOutput,
  useDeleteLiveOutput,
  useLiveOutputs,
  useUpdateLiveOutput,
} from "../liveOutputs";
import { StreamProvider } from "../StreamProvider";

// The live-input hooks against the real chain: React Query → core → proxy (scoped) → emulator.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    emulator: { ffmpegPath: false },
    proxy: { creatorScope: (request) => request.headers.get("x-user") ?? undefined },
  });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

afterEach(() => stack.emulator.faults.clear());

function setup(user = "alice") {
  const client = createStreamClient({ baseUrl: stack.baseUrl, headers: { "x-user": user } });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StreamProvider client={client} queryClient={queryClient} polling={{ waitingMs: 100 }}>
      {children}
    </StreamProvider>
  );
  return { wrapper, queryClient };
}

const list = (queryClient: QueryClient) =>
  queryClient.getQueryData<LiveInputList>(liveInputKeys.list());

describe("live-input hooks through the proxy and the emulator", () => {
  it("creates an input: the list gains it and its credentials are cached at once", async () => {
    const { wrapper, queryClient } = setup();
    const { result } = renderHook(
      () => ({ inputs: useLiveInputs(), create: useCreateLiveInput() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.inputs.isSuccess).toBe(true));
    const before = result.current.inputs.data?.total ?? 0;
    let uid = "";
    await act(async () => {
      uid = (await result.current.create.mutateAsync({ meta: { name: "Show" } })).uid;
    });
    expect(list(queryClient)?.liveInputs[0]).toMatchObject({ uid, meta: { name: "Show" } });
    expect(list(queryClient)?.total).toBe(before + 1);
    expect(JSON.stringify(list(queryClient))).not.toContain("streamKey");
    const detail = renderHook(() => useLiveInput(uid), { wrapper });
    await waitFor(() => expect(detail.result.current.data?.rtmps?.streamKey).toMatch(/k/));
    expect(liveInputPhase(detail.result.current.data)).toBe("idle");
    detail.unmount();
  });

  it("renames at once in list and detail, and rotates keys into the cache", async () => {
    const { wrapper, queryClient } = setup();
    const { result } = renderHook(
      () => ({
        inputs: useLiveInputs(),
        create: useCreateLiveInput(),
        update: useUpdateLiveInput(),
        rotate: useRotateLiveInputKeys(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.inputs.isSuccess).toBe(true));
    const input = await act(() => result.current.create.mutateAsync({ meta: { name: "Old" } }));
    let pending: Promise<unknown> | undefined;
    act(() => {
      pending = result.current.update.mutateAsync({
        uid: input.uid,
        body: { meta: { name: "New" } },
      });
    });
    await waitFor(() =>
      expect(list(queryClient)?.liveInputs.find((i) => i.uid === input.uid)?.meta?.name).toBe(
        "New",
      ),
    );
    await act(async () => {
      await pending;
    });
    const rotated = await act(() => result.current.rotate.mutateAsync(input.uid));
    expect(rotated.rtmps?.streamKey).not.toBe(input.rtmps?.streamKey);
    expect(queryClient.getQueryData(liveInputKeys.detail(input.uid))).toEqual(rotated);
  });

  it("disables at once and puts it back when the API refuses, with a typed error", async () => {
    const { wrapper, queryClient } = setup();
    const { result } = renderHook(
      () => ({ create: useCreateLiveInput(), disable: useDisableLiveInput() }),
      { wrapper },
    );
    const input = await act(() => result.current.create.mutateAsync({}));
    const detail = renderHook(() => useLiveInput(input.uid), { wrapper });
    stack.emulator.faults.set([
      {
        method: "POST",
        path: `/stream/live_inputs/${input.uid}/disable`,
        type: "error",
        status: 500,
      },
    ]);
    const enabledNow = () =>
      queryClient.getQueryData<{ enabled?: boolean }>(liveInputKeys.detail(input.uid))?.enabled;
    const seen = [enabledNow()];
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (seen.at(-1) !== enabledNow()) seen.push(enabledNow());
    });
    const error = await act(() =>
      result.current.disable.mutateAsync(input.uid).catch((e: unknown) => e),
    );
    unsubscribe();
    expect(error).toBeInstanceOf(StreamApiError);
    expect(seen).toEqual([true, false, true]);
    await waitFor(() => expect(detail.result.current.data?.enabled).toBe(true));
    detail.unmount();
  });

  it("keeps outputs: add, pause at once, and a refused delete comes back", async () => {
    const { wrapper, queryClient } = setup();
    const create = renderHook(() => useCreateLiveInput(), { wrapper });
    const input = await act(() => create.result.current.mutateAsync({}));
    const { result } = renderHook(
      () => ({
        outputs: useLiveOutputs(input.uid),
        add: useCreateLiveOutput(),
        update: useUpdateLiveOutput(),
        remove: useDeleteLiveOutput(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.outputs.data).toEqual([]));
    const output = await act(() =>
      result.current.add.mutateAsync({
        uid: input.uid,
        url: "rtmp://127.0.0.1:1936/live",
        streamKey: "k",
      }),
    );
    await waitFor(() => expect(result.current.outputs.data).toEqual([output]));
    await act(() =>
      result.current.update.mutateAsync({ uid: input.uid, outputUid: output.uid, enabled: false }),
    );
    await waitFor(() => expect(result.current.outputs.data?.[0]?.enabled).toBe(false));
    stack.emulator.faults.set([
      {
        method: "DELETE",
        path: `/stream/live_inputs/${input.uid}/outputs/*`,
        type: "error",
        status: 503,
      },
    ]);
    const refused = await act(() =>
      result.current.remove
        .mutateAsync({ uid: input.uid, outputUid: output.uid })
        .catch((e: unknown) => e),
    );
    expect(refused).toBeInstanceOf(StreamApiError);
    expect(queryClient.getQueryData(liveInputKeys.outputs(input.uid))).toEqual([
      { ...output, enabled: false },
    ]);
  });

  it("deletes: gone from the list at once, its entries dropped, and another creator never saw it", async () => {
    const { wrapper, queryClient } = setup();
    const { result } = renderHook(
      () => ({
        inputs: useLiveInputs(),
        create: useCreateLiveInput(),
        remove: useDeleteLiveInput(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.inputs.isSuccess).toBe(true));
    const input = await act(() => result.current.create.mutateAsync({}));
    const bob = setup("bob");
    const theirs = renderHook(() => ({ inputs: useLiveInputs(), one: useLiveInput(input.uid) }), {
      wrapper: bob.wrapper,
    });
    await waitFor(() => expect(theirs.result.current.one.error).toBeInstanceOf(StreamApiError));
    expect((theirs.result.current.one.error as StreamApiError).status).toBe(404);
    expect(theirs.result.current.inputs.data?.liveInputs.some((i) => i.uid === input.uid)).toBe(
      false,
    );
    theirs.unmount();
    await act(() => result.current.remove.mutateAsync(input.uid));
    expect(list(queryClient)?.liveInputs.some((i) => i.uid === input.uid)).toBe(false);
    expect(queryClient.getQueryData(liveInputKeys.detail(input.uid))).toBeUndefined();
  });

  it("fails bad input at once, typed, without a request; recordings list as videos", async () => {
    const { wrapper } = setup();
    const before = stack.proxyRequests.length;
    const { result } = renderHook(
      () => ({
        one: useLiveInput("nope"),
        create: useCreateLiveInput(),
        idle: useLiveInput(undefined),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.one.error).toBeInstanceOf(StreamValidationError));
    const error = await act(() =>
      result.current.create
        .mutateAsync({ recording: { mode: "sometimes" as "off" } })
        .catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(StreamValidationError);
    expect(result.current.idle.fetchStatus).toBe("idle");
    expect(stack.proxyRequests.length).toBe(before);
    const input = await act(() => result.current.create.mutateAsync({}));
    const recordings = renderHook(() => useLiveRecordings(input.uid), { wrapper });
    await waitFor(() => expect(recordings.result.current.isSuccess).toBe(true));
    expect(recordings.result.current.videos).toEqual([]);
    recordings.unmount();
  });
});
