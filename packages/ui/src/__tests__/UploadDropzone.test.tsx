import { createStreamClient, type Video } from "@streamkit/core";
import { StreamProvider } from "@streamkit/hooks";
import { QueryClient } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import type { ReactElement, ReactNode } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { UploadDropzone } from "../UploadDropzone";

const BASE = "http://app.test/api/stream";
const UPLOAD = "http://upload.test";
const server = setupServer();

/** The proxy (direct_upload, get/list, delete) and the one-time URLs, in memory. */
const videos = new Map<string, Video>();
const requests: string[] = [];
let held: Promise<void> | undefined;
let failPosts = 0;
let counter = 0;

const video = (uid: string, state: string, pct = "0", name = "video"): Video =>
  ({
    uid,
    meta: { name },
    readyToStream: state === "ready",
    status: {
      state,
      pctComplete: pct,
      errorReasonCode: state === "error" ? "ERR_NON_VIDEO" : "",
      errorReasonText: "",
    },
  }) as Video;

const ok = (result: unknown) =>
  HttpResponse.json({ result, success: true, errors: [], messages: [] });

function handlers() {
  return [
    http.post(`${BASE}/direct_upload`, async ({ request }) => {
      requests.push("POST direct_upload");
      const body = (await request.json()) as { meta: { name: string } };
      counter += 1;
      const uid = counter.toString(16).padStart(32, "e");
      videos.set(uid, video(uid, "pendingupload", "0", body.meta.name));
      return ok({ uid, uploadURL: `${UPLOAD}/${uid}` });
    }),
    http.post(`${UPLOAD}/:uid`, async ({ params }) => {
      requests.push(`POST upload ${params.uid}`);
      if (held) await held;
      if (failPosts > 0) {
        failPosts -= 1;
        return HttpResponse.json({ success: false, errors: [] }, { status: 503 });
      }
      const current = videos.get(String(params.uid));
      if (!current) return new HttpResponse(null, { status: 404 });
      videos.set(String(params.uid), {
        ...current,
        status: { ...current.status, state: "queued" },
      });
      return new HttpResponse(null, { status: 200 });
    }),
    http.get(BASE, ({ request }) => {
      const ids = new URL(request.url).searchParams.get("id")?.split(",");
      const list = [...videos.values()].filter((v) => !ids || ids.includes(v.uid ?? ""));
      return HttpResponse.json({ result: list, success: true, errors: [], messages: [], range: 0 });
    }),
    http.get(`${BASE}/:uid`, ({ params }) => {
      const found = videos.get(String(params.uid));
      return found ? ok(found) : HttpResponse.json({ success: false, errors: [] }, { status: 404 });
    }),
    http.delete(`${BASE}/:uid`, ({ params }) => {
      requests.push(`DELETE ${params.uid}`);
      videos.delete(String(params.uid));
      return new HttpResponse(null, { status: 200 });
    }),
  ];
}

function hold(): () => void {
  let release = () => {};
  held = new Promise((resolve) => {
    release = () => {
      held = undefined;
      resolve();
    };
  });
  return release;
}

function renderDropzone(ui: ReactElement) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
  const client = createStreamClient({ baseUrl: BASE });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <StreamProvider
        client={client}
        queryClient={queryClient}
        polling={{ jitter: 0, waitingMs: 20, processingMs: 20 }}
      >
        {children}
      </StreamProvider>
    );
  }
  return render(ui, { wrapper: Wrapper });
}

const mp4 = (name: string, size = 1000) =>
  new File([new Uint8Array(size)], name, { type: "video/mp4", lastModified: 1 });
const live = () => screen.getByRole("status");
const row = (name: string) => {
  const item = screen.getByText(name, { selector: ".sk-upload__name" }).closest("li");
  if (!item) throw new Error(`no row for ${name}`);
  return item;
};
const noDuration = { readDuration: false as const, retryDelays: [5] };

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  videos.clear();
  requests.length = 0;
  held = undefined;
  failPosts = 0;
  server.resetHandlers(...handlers());
});
let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error");
});
afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

describe("UploadDropzone", () => {
  it("is operated with the keyboard: a real file input, labelled, then progress to ready", async () => {
    const user = userEvent.setup();
    const onUploaded = vi.fn();
    const onReady = vi.fn();
    renderDropzone(
      <UploadDropzone uploadOptions={noDuration} onUploaded={onUploaded} onReady={onReady} />,
    );
    await user.tab();
    const input = screen.getByLabelText("Choose videos");
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute("type", "file");
    expect(input).toHaveAttribute("multiple");
    expect(input.getAttribute("accept")).toMatch(/^video\/\*,/);
    expect(screen.getByRole("group", { name: "Upload videos" })).toBeInTheDocument();

    await user.upload(input, mp4("cat.mp4"));
    await waitFor(() => expect(row("cat.mp4")).toHaveAttribute("data-state", "processing"));
    expect(live()).toHaveTextContent(/cat\.mp4 uploaded, now processing\./);
    const uid = [...videos.keys()][0]!;
    expect(onUploaded).toHaveBeenCalledWith(uid, expect.objectContaining({ name: "cat.mp4" }));
    expect(within(row("cat.mp4")).getByText(/^Video status:/)).toBeInTheDocument();

    videos.set(uid, video(uid, "ready", "100", "cat.mp4"));
    await waitFor(() => expect(row("cat.mp4")).toHaveAttribute("data-state", "ready"));
    // The announcement follows the row by one effect (React 18 may commit them apart).
    await waitFor(() => expect(live()).toHaveTextContent("cat.mp4 is ready."));
    expect(onReady).toHaveBeenCalledWith(expect.objectContaining({ uid, readyToStream: true }));
    expect(
      within(row("cat.mp4")).getByRole("button", { name: "Remove cat.mp4 from the list" }),
    ).toBeInTheDocument();
  });

  it("takes dropped files, and lists refused ones with the reason, without a request", async () => {
    const onError = vi.fn();
    const { container } = renderDropzone(
      <UploadDropzone
        maxSizeBytes={2_000_000}
        maxDurationSeconds={600}
        uploadOptions={{
          readDuration: async (file) => ((file as File).name === "long.mp4" ? 700 : 10),
        }}
        onError={onError}
      />,
    );
    const root = container.querySelector(".sk-dropzone")!;
    const area = screen.getByRole("group", { name: "Upload videos" });
    expect(screen.getByText("Up to 2 MB and 10:00 each.")).toBeInTheDocument();
    const files = [
      new File(["hello"], "notes.txt", { type: "text/plain" }),
      mp4("huge.mp4", 2_000_001),
      mp4("long.mp4"),
      new File([], "empty.mp4", { type: "video/mp4" }),
    ];
    const dataTransfer = { files, types: ["Files"], dropEffect: "none" };
    fireEvent.dragEnter(area, { dataTransfer });
    expect(root).toHaveAttribute("data-state", "dragover");
    expect(screen.getByText("Drop to upload")).toBeInTheDocument();
    fireEvent.dragOver(area, { dataTransfer });
    fireEvent.drop(area, { dataTransfer });
    expect(root).toHaveAttribute("data-state", "idle");

    await waitFor(() => expect(row("long.mp4")).toHaveAttribute("data-state", "error"));
    expect(within(row("notes.txt")).getByText("Not a video file this page accepts.")).toBeVisible();
    expect(within(row("huge.mp4")).getByText("Larger than 2 MB.")).toBeVisible();
    expect(within(row("long.mp4")).getByText("Longer than 10:00.")).toBeVisible();
    expect(within(row("empty.mp4")).getByText("The file is empty.")).toBeVisible();
    // The last refusal (the duration is read asynchronously) is the latest announcement.
    expect(live()).toHaveTextContent("long.mp4 was refused. Longer than 10:00.");
    expect(within(row("huge.mp4")).queryByRole("button", { name: /Retry/ })).toBeNull();
    expect(onError).toHaveBeenCalledTimes(4);
    expect(requests).toEqual([]);

    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Remove notes.txt from the list" }));
    expect(screen.queryByText("notes.txt")).toBeNull();
  });

  it("pauses, resumes, cancels and retries from buttons that keep focus", async () => {
    const user = userEvent.setup();
    renderDropzone(<UploadDropzone uploadOptions={noDuration} concurrency={1} />);
    const release = hold();
    await user.upload(screen.getByLabelText("Choose videos"), [mp4("a.mp4"), mp4("b.mp4")]);
    await waitFor(() => expect(row("a.mp4")).toHaveAttribute("data-state", "uploading"));
    expect(row("b.mp4")).toHaveAttribute("data-state", "queued");
    expect(
      within(row("a.mp4")).getByRole("progressbar", { name: "Upload of a.mp4" }),
    ).toHaveAttribute("aria-valuetext", "0%, Uploading");
    expect(live()).toHaveTextContent("Uploading a.mp4.");

    const pause = within(row("a.mp4")).getByRole("button", { name: "Pause a.mp4" });
    await user.click(pause);
    expect(row("a.mp4")).toHaveAttribute("data-state", "paused");
    expect(pause).toHaveAccessibleName("Resume a.mp4"); // the same element
    expect(pause).toHaveFocus();
    await waitFor(() => expect(row("b.mp4")).toHaveAttribute("data-state", "uploading"));

    const cancel = within(row("b.mp4")).getByRole("button", { name: "Cancel b.mp4" });
    await user.click(cancel);
    await waitFor(() => expect(requests.filter((r) => r.startsWith("DELETE"))).toHaveLength(1));
    expect(row("b.mp4")).toHaveAttribute("data-state", "cancelled");
    expect(cancel).toHaveAccessibleName("Remove b.mp4 from the list");
    expect(live()).toHaveTextContent("Upload of b.mp4 cancelled.");

    release(); // the aborted POSTs' handlers finish
    await new Promise((resolve) => setTimeout(resolve, 20));
    failPosts = 2;
    await user.click(pause); // resume a
    await waitFor(() => expect(row("a.mp4")).toHaveAttribute("data-state", "error"));
    expect(
      within(row("a.mp4")).getByText(/^Failed: The video service is not answering/),
    ).toBeVisible();
    expect(pause).toHaveAccessibleName("Retry a.mp4");
    await user.click(pause);
    await waitFor(() => expect(row("a.mp4")).toHaveAttribute("data-state", "processing"));
  });

  it("takes one file when multiple is false, and nothing when disabled", async () => {
    const { rerender } = renderDropzone(
      <UploadDropzone multiple={false} uploadOptions={noDuration} />,
    );
    const input = screen.getByLabelText("Choose a video");
    expect(input).not.toHaveAttribute("multiple");
    const area = screen.getByRole("group", { name: "Upload videos" });
    fireEvent.drop(area, {
      dataTransfer: { files: [mp4("one.mp4"), mp4("two.mp4")], types: ["Files"] },
    });
    await waitFor(() => expect(row("one.mp4")).toBeInTheDocument());
    expect(screen.queryByText("two.mp4")).toBeNull();

    rerender(<UploadDropzone multiple={false} disabled uploadOptions={noDuration} />);
    expect(screen.getByLabelText("Choose a video")).toBeDisabled();
    fireEvent.drop(area, { dataTransfer: { files: [mp4("three.mp4")], types: ["Files"] } });
    expect(screen.queryByText("three.mp4")).toBeNull();
  });

  it("stops and deletes unfinished uploads when unmounted", async () => {
    const user = userEvent.setup();
    const { unmount } = renderDropzone(<UploadDropzone uploadOptions={noDuration} />);
    const release = hold();
    await user.upload(screen.getByLabelText("Choose videos"), [mp4("a.mp4"), mp4("b.mp4")]);
    await waitFor(() =>
      expect(requests.filter((r) => r.startsWith("POST upload"))).toHaveLength(2),
    );
    unmount();
    await waitFor(() => expect(requests.filter((r) => r.startsWith("DELETE"))).toHaveLength(2));
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(videos.size).toBe(0);
  });
});
