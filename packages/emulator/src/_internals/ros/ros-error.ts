/** An error the ROS emulator answers with: the documented code, its HTTP status, and a message. */
export class RosError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  static missing(parameter: string): RosError {
    return new RosError(
      'MissingParameter',
      400,
      `The input parameter "${parameter}" that is mandatory for processing this request is not supplied.`,
    );
  }

  static invalid(parameter: string, rule: string): RosError {
    return new RosError('InvalidParameter', 400, `The specified parameter "${parameter}" is not valid: ${rule}.`);
  }
}
