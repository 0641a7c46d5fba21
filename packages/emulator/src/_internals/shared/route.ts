/** One entry of an emulator's route table: the operation a request names and the handler that answers it. */
export interface Route<Context, Answer = unknown> {
  /** The provider's operation name: what faults, rates and request counts are keyed by. */
  readonly operation: string;
  /**
   * Gives the answer body (the service's encoder adds its request id) or throws the service's error.
   * Synchronous on purpose: a check and the state change it guards must not be split by an await.
   */
  readonly handle: (context: Context) => Answer;
}
