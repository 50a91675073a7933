import { StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { UploadFromUrlForm } from "../UploadFromUrlForm";
import { failOnConsoleError, renderWithStream } from "./dashboardRender";

const model = new StreamModel();
serveModel(model);
failOnConsoleError();

const urlField = () => screen.getByRole("textbox", { name: "Video URL" });
const form = () => document.querySelector("form");

describe("UploadFromUrlForm url", () => {
  it("controlled: shows `url`, asks `onUrlChange`, copies the value it was given", async () => {
    const onUrlChange = vi.fn();
    const { rerender } = renderWithStream(
      <UploadFromUrlForm url="https://a.test/1.mp4" onUrlChange={onUrlChange} />,
    );
    expect(urlField()).toHaveValue("https://a.test/1.mp4");
    fireEvent.change(urlField(), { target: { value: "https://a.test/1.mp4x" } });
    expect(onUrlChange).toHaveBeenCalledWith("https://a.test/1.mp4x");
    expect(urlField()).toHaveValue("https://a.test/1.mp4");

    rerender(<UploadFromUrlForm url="https://a.test/2.mp4" onUrlChange={onUrlChange} />);
    expect(urlField()).toHaveValue("https://a.test/2.mp4");
    await userEvent.click(screen.getByRole("button", { name: "Upload from URL" }));
    await waitFor(() => expect(model.of("POST")).toHaveLength(1));
    expect(model.of("POST")[0]?.body).toMatchObject({ input: "https://a.test/2.mp4" });
    // An accepted copy empties the field: the app is asked to, too.
    await waitFor(() => expect(onUrlChange).toHaveBeenLastCalledWith(""));
  });

  it("works with the app's own state, and shows idle, invalid and failed as data-state", async () => {
    function App() {
      const [url, setUrl] = useState("");
      return (
        <>
          <UploadFromUrlForm url={url} onUrlChange={setUrl} />
          <output aria-label="typed">{url}</output>
        </>
      );
    }
    renderWithStream(<App />);
    expect(form()).toHaveAttribute("data-state", "idle");
    await userEvent.type(urlField(), "nope{Enter}");
    expect(screen.getByLabelText("typed")).toHaveTextContent("nope");
    expect(form()).toHaveAttribute("data-state", "invalid");

    model.failures.push({ status: 403, method: "POST" });
    await userEvent.clear(urlField());
    await userEvent.type(urlField(), "https://a.test/cat.mp4{Enter}");
    await waitFor(() => expect(form()).toHaveAttribute("data-state", "failed"));
    expect(urlField()).toHaveValue("https://a.test/cat.mp4");

    await userEvent.click(screen.getByRole("button", { name: "Upload from URL" }));
    await waitFor(() => expect(urlField()).toHaveValue(""));
    expect(screen.getByLabelText("typed")).toHaveTextContent("");
    expect(form()).toHaveAttribute("data-state", "idle");
  });
});
