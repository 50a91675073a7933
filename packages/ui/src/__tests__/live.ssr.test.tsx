// @vitest-environment node
import { StreamProvider } from "@streamkit/hooks";
import { renderToString } from "react-dom/server";
import { expect, it, vi } from "vitest";
import * as ui from "../index";
import * as live from "../liveEntry";

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";

it("renders the live components on a server, without a DOM or a request", () => {
  expect(typeof window).toBe("undefined");
  expect(typeof navigator === "undefined" || navigator.clipboard === undefined).toBe(true);
  // The main entry does not carry them.
  for (const name of Object.keys(live)) expect(Object.keys(ui)).not.toContain(name);
  const fetch = vi.fn<typeof globalThis.fetch>();
  vi.stubGlobal("fetch", fetch);
  try {
    const html = renderToString(
      <StreamProvider baseUrl="/api/stream">
        <live.LiveStatusBadge uid={UID} />
        <live.LiveStatusBadge liveInput={{ status: "connected" }} />
        <live.LiveInputPanel uid={UID} headingLevel={3} />
        <live.LiveOutputsEditor uid={UID} />
        <live.LivePlayer uid={UID} />
      </StreamProvider>,
    );
    expect(html).toContain(">Live input</h3>");
    expect(html).toContain(">Simulcast outputs</h2>");
    expect(html).toContain('data-state="live"');
    expect(html.match(/data-state="loading"/g)).toHaveLength(4);
    expect(fetch).not.toHaveBeenCalled();
    // And outside a provider, from what the app knows.
    expect(renderToString(<live.LivePlayer uid={UID} liveInput={{ status: null }} />)).toContain(
      "Waiting for the broadcast",
    );
  } finally {
    vi.unstubAllGlobals();
  }
});
