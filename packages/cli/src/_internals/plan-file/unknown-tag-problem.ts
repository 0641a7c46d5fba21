import type { YAMLWarning } from 'yaml';

/**
 * The first tag the parser could not resolve, as a sentence naming line, column and tag. The parser only
 * warns and reads the value as if untagged, which would silently turn `!Reff Vpc` into the text `Vpc`.
 */
export function unknownTagProblem(warnings: readonly YAMLWarning[], text: string): string | undefined {
  const warning = warnings.find((item) => item.code === 'TAG_RESOLVE_FAILED' || item.code === 'BAD_COLLECTION_TYPE');
  if (!warning) return undefined;
  const [start, end] = warning.pos;
  const tag = text.slice(start, end).trim();
  const where = warning.linePos?.[0];
  const at = where ? `line ${where.line}, column ${where.col}: ` : '';
  return `${at}unknown YAML tag ${tag}: a plan file takes the ROS short forms (!Ref, !GetAtt, !Sub, !Join, ... as ROS lists its functions) and YAML's own tags (!!str, ...)`;
}
