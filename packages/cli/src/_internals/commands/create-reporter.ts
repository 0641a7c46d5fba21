import { HumanReporter } from '../output/human-reporter.js';
import { JsonLinesReporter } from '../output/json-lines-reporter.js';
import type { RunReporter } from '../output/run-reporter.js';
import type { CommonOptions } from './common-options.js';

export function createReporter(options: Pick<CommonOptions, 'json' | 'color'>): RunReporter {
  return options.json ? new JsonLinesReporter() : new HumanReporter({ color: options.color !== false });
}
