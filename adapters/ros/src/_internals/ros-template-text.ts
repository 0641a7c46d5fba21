import { parseDocument } from 'yaml';

const isMapping = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Why a template text given as a string cannot be a template, or undefined when it can: ROS takes a JSON
 * or YAML document whose top level is a mapping. JSON is YAML, so one YAML parser reads both; aliases are
 * bounded (no billion laughs). Unknown tags are a warning of the parser, not an error: ROS decides.
 */
export function templateTextProblem(text: string): string | undefined {
  // Strings are immutable, so the verdict on the last text holds for that text: a caller making many change
  // sets from one template has it read once.
  if (text === lastText) return lastProblem;
  const problem = readTemplateText(text);
  lastText = text;
  lastProblem = problem;
  return problem;
}

let lastText: string | undefined;
let lastProblem: string | undefined;

function readTemplateText(text: string): string | undefined {
  // Most templates are JSON: JSON.parse settles them at a fraction of the YAML parser's cost. Its one
  // leniency, a repeated key (the last wins), is what the service's reader does too (docs/provider-notes.md).
  if (text.trimStart().startsWith('{')) {
    try {
      if (isMapping(JSON.parse(text))) return undefined;
    } catch {
      // Not JSON: YAML's flow style may still read it, and says why not when it cannot.
    }
  }
  try {
    const document = parseDocument(text, { prettyErrors: false });
    if (document.errors.length > 0) return `is neither JSON nor YAML: ${document.errors[0]!.message.split('\n')[0]}`;
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (!isMapping(value)) return 'must be a JSON or YAML mapping (an object at the top level)';
    return undefined;
  } catch (error) {
    return `could not be read as JSON or YAML: ${error instanceof Error ? error.message : 'unknown error'}`;
  }
}
