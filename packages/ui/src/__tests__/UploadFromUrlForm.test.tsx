import { makeVideo, StreamModel } from "@streamkit/test-utils";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { UploadFromUrlForm } from "../UploadFromUrlForm";
import { advance, failOnConsoleError, renderWithStream, useFakeClock } from "./dashboardRender";

const model = new StreamModel();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  model.reset();
  server.resetHandlers(...model.handlers());
});
afterEach(() => vi.useRealTimers());
failOnConsoleError();

const fast = { polling: { waitingMs: 20, processingMs: 20 } };
const urlField = () => screen.getByRole("textbox", { name: "Video URL" });

describe("UploadFromUrlForm", () => {
  it("checks the URL before any request and explains why it is refused", async () => {
    const user = userEvent.setup();
    renderWithStream(<UploadFromUrlForm />);
    await user.type(urlField(), "ftp://example.com/cat.mp4{Enter}");
    const error = screen.getByText(/only http and https URLs are accepted, got ftp:/);
    expect(error).toHaveTextContent(/^Enter a full http:\/\/ or https:\/\/ address/);
    expect(urlField()).toHaveAttribute("aria-invalid", "true");
    expect(urlField()).toHaveAttribute("aria-describedby", error.id);
    expect(urlField()).toHaveFocus();
    expect(document.querySelector("form")).toHaveAttribute("data-state", "invalid");

    await user.clear(urlField());
    await user.click(screen.getByRole("button", { name: "Upload from URL" }));
    expect(screen.getByText(/expected an http\(s\) URL, got ""/)).toBeInTheDocument();
    expect(model.count()).toBe(0);
  });

  it("copies on Enter, then shows the upload's progress until ready", async () => {
    const user = userEvent.setup();
    const onUploaded = vi.fn();
    const onReady = vi.fn();
    renderWithStream(
      <UploadFromUrlForm
        aria-label="Upload"
        copyOptions={{ creator: "user-7", requireSignedURLs: true, meta: { team: "a" } }}
        onUploaded={onUploaded}
        onReady={onReady}
      />,
      fast,
    );
    await user.type(screen.getByRole("textbox", { name: "Name (optional)" }), "<i>Cat</i>");
    await user.type(urlField(), " https://example.com/cat.mp4 {Enter}");

    await screen.findByText("<i>Cat</i>", { selector: ".sk-upload__name" });
    expect(model.of("POST")[0]?.body).toEqual({
      creator: "user-7",
      requireSignedURLs: true,
      input: "https://example.com/cat.mp4",
      meta: { team: "a", name: "<i>Cat</i>" },
    });
    expect(document.querySelector("i")).toBeNull();
    expect(onUploaded).toHaveBeenCalledWith(expect.objectContaining({ uid: expect.any(String) }));
    const uid = onUploaded.mock.calls[0]?.[0].uid as string;
    expect(screen.getByText("Upload of <i>Cat</i> started.")).toBeInTheDocument();
    expect(screen.getByRole("list", { name: "Uploads" })).toHaveTextContent("Downloading");
    expect(urlField()).toHaveValue("");

    model.set(uid, makeVideo(uid, "inprogress", "50.000000", { meta: { name: "<i>Cat</i>" } }));
    await screen.findByText("Video status: Processing, 50%", { selector: ":not([role])" });
    model.set(uid, makeVideo(uid, "ready", "100.000000", { meta: { name: "<i>Cat</i>" } }));
    await screen.findByText("<i>Cat</i> is ready.");
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(onReady).toHaveBeenCalledWith(expect.objectContaining({ uid }));
    const polls = model.count();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(model.count()).toBe(polls);
  });

  it("names a copy after its file when no name is given", async () => {
    const user = userEvent.setup();
    renderWithStream(<UploadFromUrlForm />, fast);
    await user.type(urlField(), "https://example.com/clips/Big%20Buck.mp4?sig=1{Enter}");
    await screen.findByText("Big Buck.mp4", { selector: ".sk-upload__name" });
    expect(model.of("POST")[0]?.body).toMatchObject({ meta: { name: "Big Buck.mp4" } });
  });

  it("gives the URL back when the copy fails, so it can be corrected", async () => {
    const user = userEvent.setup();
    const onUploaded = vi.fn();
    renderWithStream(<UploadFromUrlForm onUploaded={onUploaded} />, fast);
    await user.type(urlField(), "https://example.com/missing.mp4{Enter}");
    await screen.findByText("missing.mp4", { selector: ".sk-upload__name" });
    expect(urlField()).toHaveValue("");
    const uid = onUploaded.mock.calls[0]?.[0].uid as string;
    model.set(
      uid,
      makeVideo(uid, "error", "0", {
        meta: { name: "missing.mp4" },
        status: {
          state: "error",
          errorReasonCode: "ERR_FETCH_ORIGIN_ERROR",
          errorReasonText: "The origin answered 404 Not Found.",
        },
      }),
    );
    await vi.waitFor(() => expect(urlField()).toHaveValue("https://example.com/missing.mp4"));
  });

  it("reports a failed request in an alert", async () => {
    const user = userEvent.setup();
    model.failures.push({ status: 403 });
    renderWithStream(<UploadFromUrlForm />);
    await user.type(urlField(), "https://example.com/cat.mp4{Enter}");
    const alert = await screen.findByRole("alert");
    // The API's words for people; the status and the code stay on the error, not in the text.
    expect(alert).toHaveTextContent("Something went wrong. injected.");
    expect(alert).not.toHaveTextContent(/403|10000|Stream API error/);
    expect(urlField()).toHaveValue("https://example.com/cat.mp4");
  });

  it("starts from defaultUrl, which later values do not replace, as an input's defaultValue", () => {
    const { rerender } = renderWithStream(<UploadFromUrlForm defaultUrl="https://a.test/1.mp4" />);
    expect(urlField()).toHaveValue("https://a.test/1.mp4");
    rerender(<UploadFromUrlForm defaultUrl="https://a.test/2.mp4" />);
    expect(urlField()).toHaveValue("https://a.test/1.mp4");
    rerender(<UploadFromUrlForm defaultUrl="https://a.test/2.mp4" nameField={false} />);
    expect(screen.queryByRole("textbox", { name: "Name (optional)" })).toBeNull();
  });

  it("stops polling and leaves no timers behind when unmounted", async () => {
    useFakeClock();
    const { unmount } = renderWithStream(
      <UploadFromUrlForm defaultUrl="https://example.com/cat.mp4" />,
    );
    screen.getByRole("button", { name: "Upload from URL" }).click();
    await advance(0);
    await advance(2_000);
    expect(model.count((r) => r.method === "GET")).toBeGreaterThan(0);
    unmount();
    const before = model.count();
    await advance(60_000);
    expect(model.count()).toBe(before);
    expect(vi.getTimerCount()).toBe(0);
  });
});
