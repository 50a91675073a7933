import { afterEach, describe, expect, it } from "vitest";
import { loadStreamSdk as publicLoadStreamSdk } from "../index";
import { loadStreamSdk } from "../player/sdk";
import type { StreamSdk } from "../player/types";

const URL_A = "http://127.0.0.1:9/embed/sdk.latest.js";

afterEach(() => {
  window.Stream = undefined;
  for (const s of document.querySelectorAll("script")) s.remove();
});

describe("loadStreamSdk", () => {
  it("adds one script however many players ask, and resolves them all on load", async () => {
    const loads = [loadStreamSdk(URL_A), loadStreamSdk(URL_A), loadStreamSdk(URL_A)];
    const scripts = document.querySelectorAll(`script[src="${URL_A}"]`);
    expect(scripts).toHaveLength(1);
    const sdk: StreamSdk = () => ({}) as ReturnType<StreamSdk>;
    window.Stream = sdk;
    scripts[0]?.dispatchEvent(new Event("load"));
    expect(await Promise.all(loads)).toEqual([sdk, sdk, sdk]);
  });

  it("reports a failed load and lets the next caller try again", async () => {
    const url = `${URL_A}?broken`;
    const failing = loadStreamSdk(url);
    document.querySelector(`script[src="${url}"]`)?.dispatchEvent(new Event("error"));
    await expect(failing).rejects.toThrow(/could not load the Stream SDK/);
    document.querySelector(`script[src="${url}"]`)?.remove();
    void loadStreamSdk(url).catch(() => {});
    expect(document.querySelectorAll(`script[src="${url}"]`)).toHaveLength(1);
  });

  it("uses a Stream already on the page", async () => {
    const sdk: StreamSdk = () => ({}) as ReturnType<StreamSdk>;
    window.Stream = sdk;
    expect(await loadStreamSdk(URL_A)).toBe(sdk);
    expect(document.querySelectorAll("script")).toHaveLength(0);
  });

  it("is the same loader through the entry, whose code loads on first use", async () => {
    const url = `${URL_A}?entry`;
    const viaEntry = publicLoadStreamSdk(url);
    const direct = loadStreamSdk(url);
    await expect.poll(() => document.querySelectorAll(`script[src="${url}"]`).length).toBe(1);
    const sdk: StreamSdk = () => ({}) as ReturnType<StreamSdk>;
    window.Stream = sdk;
    document.querySelector(`script[src="${url}"]`)?.dispatchEvent(new Event("load"));
    expect(await Promise.all([viaEntry, direct])).toEqual([sdk, sdk]);
  });
});
