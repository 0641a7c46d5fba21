import { parseDocument } from 'yaml';

/**
 * Why a template text given as a string cannot be a template, or undefined when it can: ROS takes a JSON
 * or YAML document whose top level is a mapping. JSON is YAML, so one YAML parser reads both; aliases are
 * bounded (no billion laughs). Unknown tags are a warning of the parser, not an error: ROS decides.
 */
export function templateTextProblem(text: string): string | undefined {
  try {
    const document = parseDocument(text, { prettyErrors: false });
    if (document.errors.length > 0) return `is neither JSON nor YAML: ${document.errors[0]!.message.split('\n')[0]}`;
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return 'must be a JSON or YAML mapping (an object at the top level)';
    return undefined;
  } catch (error) {
    return `could not be read as JSON or YAML: ${error instanceof Error ? error.message : 'unknown error'}`;
  }
}
