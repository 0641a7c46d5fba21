/** A whole JSON answer: the status, extra headers and the body to serialise (the SDKs only ever read JSON). */
export interface JsonAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
}
