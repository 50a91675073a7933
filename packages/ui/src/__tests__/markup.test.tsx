import type { Video } from "@streamkit/core";
import { BASE, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { StreamPlayer, VideoDetails, VideoGrid, VideoTable, VideoThumbnail } from "@streamkit/ui";
import { UploadDropzone } from "@streamkit/ui/upload";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { failOnConsoleError, renderWithStream } from "./dashboardRender";
import { installFakeSdk } from "./fakeSdk";

/**
 * Names and meta come from whoever uploaded the video: markup in them is text wherever a
 * component shows them (content, alt, title, aria-label, form values), never elements or
 * attributes. Each payload would create an element or a handler if it were parsed as HTML.
 */
const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  "&lt;b&gt;entity&lt;/b&gt;",
];

const UPLOAD = "http://upload.app.test";
const model = new StreamModel();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  model.reset();
  server.resetHandlers(...model.handlers());
});
failOnConsoleError();

const named = (name: string, extra: Partial<Video> = {}) =>
  makeVideo(makeUid(), "ready", "100", { meta: { name }, ...extra });

/** Nothing the payloads could have made: no script, no svg/img/a from them, no inline handlers. */
function expectNoInjectedMarkup(root: ParentNode = document.body) {
  expect(root.querySelector("script")).toBeNull();
  expect(root.querySelector("[onerror], [onload], [onclick]")).toBeNull();
  expect(root.querySelector('a[href^="javascript:"]')).toBeNull();
  expect(root.querySelector('img[src="x"]')).toBeNull();
  // The only svg elements are the components' own icons, which are hidden from assistive tech.
  for (const svg of root.querySelectorAll("svg"))
    expect(svg).toHaveAttribute("aria-hidden", "true");
  expect(root.querySelector("b")).toBeNull();
}

describe.each(PAYLOADS.map((p) => [p]))("markup as text: %s", (payload) => {
  it("VideoTable: the name cell, the row checkbox label and the delete question", async () => {
    model.add(named(payload));
    const user = userEvent.setup();
    renderWithStream(<VideoTable selectable onSelect={() => {}} />);
    const table = await screen.findByRole("table", { name: "Videos" });
    expect(within(table).getByRole("button", { name: payload })).toHaveTextContent(payload);
    const checkbox = within(table).getByRole("checkbox", { name: new RegExp(literal(payload)) });
    expect(checkbox.getAttribute("aria-label")).toContain(payload);
    await user.click(
      within(table).getByRole("button", { name: new RegExp(`Delete.*${literal(payload)}`) }),
    );
    expect(
      await within(table).findByText(new RegExp(literal(payload)), { selector: "*:not(button)" }),
    ).toBeInTheDocument();
    expectNoInjectedMarkup();
  });

  it("VideoGrid: the card name and the thumbnail's alt", async () => {
    model.add(named(payload));
    renderWithStream(<VideoGrid onSelect={() => {}} />);
    const name = await screen.findByText(payload, { selector: ".sk-card__name" });
    expect(name.textContent).toBe(payload);
    for (const img of document.querySelectorAll(".sk-library img, .sk-grid img, img")) {
      expect(["", payload]).toContain(img.getAttribute("alt"));
    }
    expectNoInjectedMarkup();
  });

  it("VideoDetails: name and meta keys and values as form values", async () => {
    const video = named(payload, {
      meta: { name: payload, [payload]: payload, note: `${payload} & more` },
    });
    model.add(video);
    renderWithStream(<VideoDetails uid={video.uid ?? ""} />);
    expect(await screen.findByRole("textbox", { name: "Name" })).toHaveValue(payload);
    const values = screen.getAllByRole("textbox").map((box) => (box as HTMLInputElement).value);
    expect(values).toContain(`${payload} & more`);
    expect(values.filter((v) => v === payload).length).toBeGreaterThanOrEqual(3);
    expectNoInjectedMarkup();
  });

  it("StreamPlayer: the iframe's title and the play button's label come from the name", async () => {
    installFakeSdk();
    const video = named(payload);
    model.add(video);
    renderWithStream(<StreamPlayer src={video.uid ?? ""} video={video} loading="click" />);
    const button = await screen.findByRole("button", { name: new RegExp(literal(payload)) });
    expect(button.getAttribute("aria-label")).toContain(payload);
    await act(async () => button.click());
    const frame = await waitFor(() => {
      const found = document.querySelector("iframe");
      if (!found) throw new Error("no iframe yet");
      return found;
    });
    expect(frame.getAttribute("title")).toBe(payload);
    expect(document.querySelector(".sk-player__poster")?.getAttribute("alt")).toBe("");
    expectNoInjectedMarkup();
    window.Stream = undefined;
  });

  it("VideoThumbnail: alt from the name, or from the alt prop", () => {
    renderWithStream(<VideoThumbnail video={named(payload)} width={160} height={90} />);
    expect(screen.getByRole("img", { name: payload }).getAttribute("alt")).toBe(payload);
    renderWithStream(<VideoThumbnail uid={makeUid()} alt={payload} width={160} height={90} />);
    expect(screen.getAllByRole("img", { name: payload })).toHaveLength(2);
    expectNoInjectedMarkup();
  });

  it("UploadDropzone: the row of a file whose name is markup, and what the live region says", async () => {
    server.use(
      http.post(`${BASE}/direct_upload`, async ({ request }) => {
        const body = (await request.json()) as { meta: { name: string } };
        const uid = makeUid();
        model.add(makeVideo(uid, "pendingupload", "0", { meta: body.meta }));
        return HttpResponse.json({
          result: { uid, uploadURL: `${UPLOAD}/${uid}` },
          success: true,
          errors: [],
          messages: [],
        });
      }),
      http.post(`${UPLOAD}/:uid`, ({ params }) => {
        const uid = String(params.uid);
        model.set(uid, makeVideo(uid, "ready", "100", { meta: { name: `${payload}.mp4` } }));
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const user = userEvent.setup();
    renderWithStream(<UploadDropzone uploadOptions={{ readDuration: false }} />, {
      polling: { waitingMs: 20, processingMs: 20 },
    });
    const file = new File([new Uint8Array(100)], `${payload}.mp4`, { type: "video/mp4" });
    await user.upload(screen.getByLabelText("Choose videos"), file);
    const name = await screen.findByText(`${payload}.mp4`, { selector: ".sk-upload__name" });
    expect(name.textContent).toBe(`${payload}.mp4`);
    const row = name.closest("li") as HTMLElement;
    await waitFor(() =>
      expect(row.querySelector(".sk-badge")).toHaveAttribute("data-state", "ready"),
    );
    await waitFor(() =>
      expect(screen.getByRole("status").textContent ?? "").toContain(`${payload}.mp4`),
    );
    expectNoInjectedMarkup();
  });
});

afterEach(() => {
  window.Stream = undefined;
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
