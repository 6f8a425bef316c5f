import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSettleLoop, type TimerApi } from "../../src/sources/watch-settle.js";
import { createWatchMachine } from "../../src/sources/watch-transitions.js";
import { watcherBehaviour } from "../../src/sources/watch-versions.js";

const fakeTimers: TimerApi = { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) };

describe("settle loop (the gateway's debounce)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("settles once after a burst, delay counted from the last event", async () => {
    const settled: number[] = [];
    const loop = createSettleLoop({ delayMs: () => 300, timers: fakeTimers, onSettle: () => void settled.push(Date.now()) });
    const start = Date.now();
    loop.touch();
    await vi.advanceTimersByTimeAsync(200);
    loop.touch();
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual([start + 500]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(settled).toHaveLength(1);
  });

  it("reads the delay on every touch (gateway.reload.debounceMs from the applied config)", async () => {
    let delay = 300;
    const settled: number[] = [];
    const loop = createSettleLoop({ delayMs: () => delay, timers: fakeTimers, onSettle: () => void settled.push(Date.now()) });
    const start = Date.now();
    delay = 50;
    loop.touch();
    await vi.advanceTimersByTimeAsync(50);
    expect(settled).toEqual([start + 50]);
  });

  it("queues one more settle when events arrive during a running one, never overlapping", async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release: () => void = () => {};
    const loop = createSettleLoop({
      delayMs: () => 100,
      timers: fakeTimers,
      onSettle: async () => {
        runs += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise<void>((resolve) => (release = resolve));
        active -= 1;
      },
    });
    loop.touch();
    await vi.advanceTimersByTimeAsync(100);
    loop.touch();
    await vi.advanceTimersByTimeAsync(100);
    loop.touch();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
  });

  it("stop cancels a pending settle; errors go to onError and the loop keeps working", async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loop = createSettleLoop({
      delayMs: () => 10,
      timers: fakeTimers,
      onSettle: () => {
        runs += 1;
        throw new Error("boom");
      },
      onError: (error) => errors.push(error),
    });
    loop.touch();
    await vi.advanceTimersByTimeAsync(10);
    loop.touch();
    await vi.advanceTimersByTimeAsync(10);
    expect(errors).toHaveLength(2);
    loop.touch();
    loop.stop();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(2);
  });
});

describe("watch state machine", () => {
  it("compares each valid read to the last valid one; failures keep the last good state and are reported once", () => {
    const { machine, first } = createWatchMachine<string>({ status: "ok", state: "v1" });
    expect(first).toEqual({ type: "baseline", state: "v1" });
    expect(machine.next({ status: "ok", state: "v2" })).toEqual({ type: "compare", before: "v1", after: "v2", recreated: false });
    expect(machine.next({ status: "invalid", error: "x:1:2: bad" })).toEqual({ type: "invalid", error: "x:1:2: bad", keeping: "v2" });
    expect(machine.next({ status: "invalid", error: "x:1:2: bad" })).toBeNull();
    expect(machine.next({ status: "invalid", error: "x:3:1: worse" })).toMatchObject({ type: "invalid", error: "x:3:1: worse" });
    expect(machine.next({ status: "ok", state: "v3" })).toEqual({ type: "compare", before: "v2", after: "v3", recreated: false });
    expect(machine.next({ status: "missing" })).toEqual({ type: "deleted", keeping: "v3" });
    expect(machine.next({ status: "missing" })).toBeNull();
    expect(machine.next({ status: "ok", state: "v4" })).toEqual({ type: "compare", before: "v3", after: "v4", recreated: true });
    expect(machine.lastGood).toBe("v4");
  });

  it("starting without a valid config: the first valid read becomes the baseline", () => {
    const { machine, first } = createWatchMachine<string>({ status: "missing" });
    expect(first).toEqual({ type: "deleted", keeping: null });
    expect(machine.next({ status: "invalid", error: "bad" })).toEqual({ type: "invalid", error: "bad", keeping: null });
    expect(machine.next({ status: "ok", state: "v1" })).toEqual({ type: "baseline", state: "v1" });
  });
});

describe("watcher behaviour per version", () => {
  it("2026.8.1 starts watching includes and stops reading gateway.reload.debounceMs", () => {
    expect(watcherBehaviour("2026.5.3")).toEqual({ watchesIncludes: false, debounceFromConfig: true });
    expect(watcherBehaviour("2026.7.35")).toEqual({ watchesIncludes: false, debounceFromConfig: true });
    expect(watcherBehaviour("2026.8.1")).toEqual({ watchesIncludes: true, debounceFromConfig: false });
    expect(watcherBehaviour("2026.9.6")).toEqual({ watchesIncludes: true, debounceFromConfig: false });
  });
});
