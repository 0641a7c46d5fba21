import type { FaultInjector } from './fault-injector.js';

/** What every running emulator offers, whichever service it emulates. */
export interface RunningServiceEmulator {
  /** The URL its clients reach it at: `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  /** Add or clear fault rules while running. */
  readonly faults: FaultInjector;
  /** Authenticated requests that reached `operation` (all operations when omitted), faults included. */
  requestCount(operation?: string): number;
  /** Cancels pending state transitions, ends open connections and stops listening. */
  close(): Promise<void>;
}
