import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useControllableState } from "../parts/useControllableState";

interface Props {
  prop?: number;
  onChange?: (value: number) => void;
}

const setup = (initialProps: Props) =>
  renderHook(
    ({ prop, onChange }: Props) =>
      useControllableState({ prop, defaultProp: 1, onChange, caller: "Thing", name: "value" }),
    { initialProps },
  );

afterEach(() => vi.restoreAllMocks());

describe("useControllableState", () => {
  it("keeps its own value when uncontrolled, and reports each change", () => {
    const onChange = vi.fn();
    const { result } = setup({ onChange });
    expect(result.current[0]).toBe(1);
    act(() => {
      result.current[1]((n) => n + 1);
      result.current[1]((n) => n + 1); // two updates in one event compose
    });
    expect(result.current[0]).toBe(3);
    expect(onChange.mock.calls).toEqual([[2], [3]]);
    act(() => result.current[1](3));
    expect(onChange).toHaveBeenCalledTimes(2); // no change, no call
  });

  it("shows the caller's value when controlled, and only asks for changes", () => {
    const onChange = vi.fn();
    const { result, rerender } = setup({ prop: 5, onChange });
    act(() => result.current[1]((n) => n + 1));
    expect(onChange).toHaveBeenCalledWith(6);
    expect(result.current[0]).toBe(5); // refused: the caller did not pass 6
    rerender({ prop: 7, onChange });
    expect(result.current[0]).toBe(7);
    act(() => result.current[1]((n) => n * 2));
    expect(onChange).toHaveBeenLastCalledWith(14);
  });

  it("has a stable setter that calls the latest onChange", () => {
    const first = vi.fn();
    const second = vi.fn();
    const { result, rerender } = setup({ onChange: first });
    const set = result.current[1];
    rerender({ onChange: second });
    expect(result.current[1]).toBe(set);
    act(() => set(9));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(9);
  });

  it("warns in development when the caller switches modes", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { rerender } = setup({});
    rerender({ prop: 2 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      "`Thing` is changing from uncontrolled to controlled `value`",
    );
    expect(warn.mock.calls[0]?.[0]).toMatch("`onValueChange`");
    expect(warn.mock.calls[0]?.[0]).toMatch("`defaultValue`");
    rerender({ prop: 2 });
    expect(warn).toHaveBeenCalledTimes(1);
    rerender({});
    expect(warn.mock.calls[1]?.[0]).toMatch("from controlled to uncontrolled");
  });
});
