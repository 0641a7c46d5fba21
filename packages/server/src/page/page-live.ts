/// <reference lib="dom" />
import { readEventStream, type SseFrame } from './page-sse.js';

/** Waits `ms`, or less when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A function that runs `work` once at a time: calls meanwhile make it run once more afterwards, not once each. */
export function coalesced(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await work();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  return run;
}

/** Tells the reader (and screen readers, politely) whether the page is live. */
export function setLive(text: string): void {
  const live = document.getElementById('live');
  if (live) live.textContent = text;
}

/**
 * Follows an event stream until `signal` aborts or `onEnd` says the end is final: a stream the server ends is
 * reopened from its last event id, a failed one after a backoff (0.5 s doubling to 10 s). Never a timer that
 * asks again: each reconnect follows an end or a failure. Rejects with `HTTP 401` when the token is refused.
 */
export async function followStream(
  token: string,
  url: string,
  signal: AbortSignal,
  onFrame: (frame: SseFrame) => void,
  onEnd: () => Promise<boolean>,
): Promise<void> {
  let lastId: string | undefined;
  let failures = 0;
  while (!signal.aborted) {
    try {
      setLive('Live');
      lastId = await readEventStream(url, token, lastId, onFrame, signal);
      failures = 0;
      if (await onEnd()) return;
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof Error && error.message === 'HTTP 401') throw error;
      failures += 1;
      setLive('Reconnecting…');
    }
    await pause(failures === 0 ? 200 : Math.min(500 * 2 ** (failures - 1), 10_000), signal);
  }
}
