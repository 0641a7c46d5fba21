import { type Document, isPair, isScalar, isSeq, visit } from 'yaml';
import { formatFieldPath } from './format-field-path.js';

/** Where a node sits in the file, as a field path (`ros.stacks[0].template.Resources.Vswitch.Properties.VpcId`). */
function fieldPathOf(ancestors: readonly unknown[]): string {
  const keys: PropertyKey[] = [];
  ancestors.forEach((node, index) => {
    const child = ancestors[index + 1];
    if (isPair(child)) keys.push(String(isScalar(child.key) ? child.key.value : child.key));
    else if (isSeq(node) && child !== undefined) keys.push(node.items.indexOf(child as never));
  });
  return formatFieldPath(keys);
}

/**
 * The first tag the parser could not resolve: its field, and a sentence naming line, column and tag. The
 * parser only warns and reads the value as if untagged, which would silently turn `!Reff Vpc` into `Vpc`.
 */
export function unknownTagProblem(document: Document, text: string): { path: string; message: string } | undefined {
  const warning = document.warnings.find(
    (item) => item.code === 'TAG_RESOLVE_FAILED' || item.code === 'BAD_COLLECTION_TYPE',
  );
  if (!warning) return undefined;
  const tag = text.slice(warning.pos[0], warning.pos[1]).trim();
  let path = '';
  visit(document, {
    Node(_key, node, ancestors) {
      if (node.tag !== tag) return undefined;
      path = fieldPathOf([...ancestors, node]);
      return visit.BREAK;
    },
  });
  const where = warning.linePos?.[0];
  const at = where ? `line ${where.line}, column ${where.col}: ` : '';
  return {
    path,
    message: `${at}unknown YAML tag ${tag}: a plan file takes the ROS short forms (!Ref, !GetAtt, !Sub, !Join, ... as ROS lists its functions) and YAML's own tags (!!str, ...)`,
  };
}
