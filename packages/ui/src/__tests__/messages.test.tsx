import { render, renderHook, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { dropzoneMessages } from "../dropzone/messages";
import { defaultMessages, StreamMessagesProvider, useStreamMessages } from "../index";
import { captionsMessages, downloadsMessages } from "../media/messages";
import { commonMessages } from "../messages/common";
import { useCommonMessages, useMessages } from "../messages/context";
import { playerMessages } from "../messages/player";
import { tableMessages } from "../messages/table";
import { VideoStatusBadge } from "../VideoStatusBadge";

describe("messages", () => {
  it("assembles defaultMessages from every group", () => {
    expect(defaultMessages.phase.ready).toBe("Ready");
    expect(defaultMessages.loading).toBe(commonMessages.loading);
    expect(defaultMessages.player).toBe(playerMessages);
    expect(defaultMessages.table).toBe(tableMessages);
    expect(defaultMessages.dropzone).toBe(dropzoneMessages);
    expect(defaultMessages.captions).toBe(captionsMessages);
    expect(defaultMessages.downloads).toBe(downloadsMessages);
    expect(Object.keys(defaultMessages).sort()).toEqual(
      [
        "phase",
        "statusLabel",
        "percent",
        "loading",
        "retry",
        "requestFailed",
        "player",
        "upload",
        "dropzone",
        "table",
        "details",
        "thumbnails",
        "captions",
        "downloads",
      ].sort(),
    );
  });

  it("merges nested providers, and useStreamMessages returns every text in effect", () => {
    const { result } = renderHook(() => useStreamMessages(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <StreamMessagesProvider messages={{ phase: { ready: "Prêt" }, table: { empty: "Rien" } }}>
          <StreamMessagesProvider messages={{ table: { loadMore: "Plus" }, loading: "…" }}>
            {children}
          </StreamMessagesProvider>
        </StreamMessagesProvider>
      ),
    });
    expect(result.current.phase.ready).toBe("Prêt");
    expect(result.current.phase.queued).toBe("Queued");
    expect(result.current.table.empty).toBe("Rien");
    expect(result.current.table.loadMore).toBe("Plus");
    expect(result.current.table.caption).toBe("Videos");
    expect(result.current.loading).toBe("…");
    expect(result.current.captions.heading).toBe("Captions");
    expect(result.current.dropzone.state.paused).toBe("Paused");
  });

  it("gives a component its group's defaults, untouched and stable, when nothing overrides them", () => {
    const { result, rerender } = renderHook(() => ({
      table: useMessages("table", tableMessages),
      common: useCommonMessages(),
    }));
    expect(result.current.table).toBe(tableMessages);
    const first = result.current;
    rerender();
    expect(result.current.table).toBe(first.table);
    expect(result.current.common).toBe(first.common);
    expect(result.current.common.phase).toBe(commonMessages.phase);
  });

  it("keeps a group stable while only other groups are overridden", () => {
    const overrides = { player: { title: "Lecteur" } };
    const { result, rerender } = renderHook(() => useMessages("table", tableMessages), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <StreamMessagesProvider messages={overrides}>{children}</StreamMessagesProvider>
      ),
    });
    expect(result.current).toBe(tableMessages);
    rerender();
    expect(result.current).toBe(tableMessages);
  });

  it("reaches the shared texts of a component", () => {
    render(
      <StreamMessagesProvider
        messages={{ statusLabel: (phase) => `État : ${phase}`, phase: { ready: "Prêt" } }}
      >
        <VideoStatusBadge video={{ uid: "x", status: { state: "ready" } }} />
      </StreamMessagesProvider>,
    );
    expect(screen.getByText("État : Prêt")).toBeInTheDocument();
  });
});
