type Timer = ReturnType<typeof setTimeout>;

/**
 * Keeps track of every pending state transition an emulator scheduled, so `close()` can cancel them
 * and nothing fires into a closed emulator.
 */
export class ScheduledTransitions {
  readonly #timers = new Set<Timer>();

  after(ms: number, transition: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      transition();
    }, ms);
    timer.unref?.();
    this.#timers.add(timer);
  }

  cancelAll(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
