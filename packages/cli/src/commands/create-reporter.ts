import { HumanReporter } from '../output/human-reporter.js';
import { JsonLinesReporter } from '../output/json-lines-reporter.js';
import type { RunReporter } from '../output/run-reporter.js';

export function createReporter(json: boolean | undefined): RunReporter {
  return json ? new JsonLinesReporter() : new HumanReporter();
}
