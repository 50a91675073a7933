import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { advance, serveModel } from "@streamkit/test-utils/vitest";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { streamKeys } from "../keys";
import { useVideoStatus } from "../useVideoStatus";
import { useVideos } from "../useVideos";
import { wrapper } from "./render";

// One video shown twice on a page, in a list and by its own status, is in one state: whichever
// side hears of a change first (the status poll, or a list fetch) tells the other at once.

const model = new StreamModel();
serveModel(model, { fakeTimers: true });

function page(uid: string) {
  const list = useVideos();
  const status = useVideoStatus(uid);
  const listed = list.videos.find((v) => v.uid === uid);
  return { list, status, listedState: listed?.status?.state };
}

describe("one truth per video", () => {
  it("a poll that sees the video ready puts the same copy in every list, in the same render", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress", "20.000000"));
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => page(uid), { wrapper: Wrapper });
    await advance(0);
    expect(result.current.listedState).toBe("inprogress");
    expect(result.current.status.phase).toBe("processing");

    model.set(uid, makeVideo(uid, "ready", "100.000000"));
    for (let i = 0; i < 50 && !result.current.status.isReady; i++) await advance(100);
    expect(result.current.status.isReady).toBe(true);
    expect(result.current.listedState).toBe("ready");
    const listed = result.current.list.videos.find((v) => v.uid === uid);
    expect(listed).toStrictEqual(result.current.status.video);
  });

  it("a list fetch that sees the video failed tells its badge at once, without waiting for a poll", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "downloading", "0"));
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => page(uid), { wrapper: Wrapper });
    await advance(0);
    expect(result.current.status.phase).toBe("downloading");

    model.set(uid, {
      status: {
        state: "error",
        pctComplete: "0",
        errorReasonCode: "ERR_FETCH_ORIGIN_ERROR",
        errorReasonText: "The origin answered 404 Not Found",
      },
    });
    const polls = () => model.count((r) => r.method === "GET" && r.url.searchParams.has("id"));
    const before = polls();
    await act(() => queryClient.refetchQueries({ queryKey: streamKeys.lists() }));
    await advance(0);
    expect(result.current.listedState).toBe("error");
    expect(result.current.status.phase).toBe("error");
    expect(result.current.status.errorReason?.code).toBe("ERR_FETCH_ORIGIN_ERROR");
    expect(polls()).toBe(before);
  });
});
