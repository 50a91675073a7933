import { render, waitFor } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { installFakeSdk } from "./fakeSdk";

afterEach(() => {
  window.Stream = undefined;
});

it("keeps the iframe playing, and says why, when the SDK bridge's chunk fails to load", async () => {
  // Before StreamPlayer is imported, so its dynamic import of the bridge rejects.
  vi.doMock("../player/playerBridge", () => {
    throw new Error("Failed to fetch dynamically imported module");
  });
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const players = installFakeSdk();
  const { StreamPlayer } = await import("../StreamPlayer");
  render(<StreamPlayer src="5d5bc37ffcf54c9b82e996823bffbb81" />);
  await waitFor(() =>
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("player events and ref are unavailable"),
    ),
  );
  expect(document.querySelector("iframe")).not.toBeNull();
  expect(players).toHaveLength(0);
});
