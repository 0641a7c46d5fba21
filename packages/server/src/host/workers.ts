/** What the HTTP side needs of the workers that claim and carry out runs. */
export interface HostWorkers {
  /** Starts claiming runs (and adopting the runs of servers that stopped heartbeating). */
  start(): void;
  /** SIGTERM: claims nothing more, lets the runs it carries out finish (or hands them over), then resolves. */
  drain(): Promise<void>;
}
