/** The longest delay Node's timers hold; past it, setTimeout warns and fires after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The delay a gateway's timer really waits for `ms`: it passes its debounce
 * to setTimeout as is, and Node runs an over-long delay after 1 ms. Clamping
 * here gives the same wait without Node's TimeoutOverflowWarning.
 */
export const effectiveTimerDelay = (ms: number) => (ms > MAX_TIMER_MS ? 1 : ms);

/** The timer functions the settle loop uses; tests pass fake ones. */
export interface TimerApi {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SettleLoop {
  /** A file event arrived: (re)start the quiet period. */
  touch(): void;
  /** No further settles; a running one finishes. */
  stop(): void;
}

export interface SettleLoopOptions {
  /** The quiet period, read on every touch: the gateway re-reads it from each config it applies. */
  delayMs: () => number;
  timers: TimerApi;
  /** Runs once the files have been quiet for `delayMs`; never twice at once. */
  onSettle: () => Promise<void> | void;
  onError?: (error: unknown) => void;
}

/**
 * The gateway's reload debounce: every event restarts the timer; when it
 * fires while a reload is still running, one more reload is queued and
 * scheduled after the running one ends.
 */
export function createSettleLoop(options: SettleLoopOptions): SettleLoop {
  let timer: unknown = null;
  let running = false;
  let pending = false;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    if (timer !== null) options.timers.clearTimeout(timer);
    timer = options.timers.setTimeout(fire, options.delayMs());
  };

  async function fire(): Promise<void> {
    timer = null;
    if (stopped) return;
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      await options.onSettle();
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
      if (pending) {
        pending = false;
        schedule();
      }
    }
  }

  return {
    touch: schedule,
    stop() {
      stopped = true;
      if (timer !== null) options.timers.clearTimeout(timer);
      timer = null;
    },
  };
}
