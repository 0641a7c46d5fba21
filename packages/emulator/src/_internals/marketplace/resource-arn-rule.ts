import { ViolationCollector } from './violation-collector.js';

/** ResourceArn of the tagging and policy operations: required, 1-2,048 characters (the service model). */
export function checkResourceArn(value: unknown, violations = new ViolationCollector()): string {
  violations.string('ResourceArn', value, {
    min: 1,
    max: 2048,
    pattern: /^arn:[\w+=/,.@-]+:aws-marketplace:[\w+=/,.@-]*:[0-9]+:[\w+=,.@-]+(\/[\w+=,.@-]+)*$/,
    required: true,
  });
  violations.throwIfAny();
  return value as string;
}
