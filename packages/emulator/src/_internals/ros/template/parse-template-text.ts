import { isScalar, Pair, parseDocument, Scalar, visit, YAMLMap } from 'yaml';
import { RosError } from '../ros-error.js';

/** The key a YAML short form stands for: `!Ref` is `Ref`, `!Condition` is `Condition`, `!Name` is `Fn::Name`. */
function longFormKey(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * Replaces every ROS short form (`!Ref x`, `!GetAtt Res.Attr`, `!Sub '...'`, `!Join [...]`, ...) with its long
 * form, as the ROS function pages declare them. A tag that is not of that shape (`!!str`) is left to YAML.
 */
function expandShortForms(document: ReturnType<typeof parseDocument>): void {
  visit(document, {
    Node(_key, node) {
      const tag = node.tag;
      if (!tag || !/^![A-Za-z][A-Za-z0-9]*$/.test(tag)) return undefined;
      const name = tag.slice(1);
      node.tag = undefined;
      let value: unknown = node;
      if (name === 'GetAtt' && isScalar(node) && typeof node.value === 'string') {
        const dot = node.value.indexOf('.');
        if (dot > 0) value = document.createNode([node.value.slice(0, dot), node.value.slice(dot + 1)]);
      }
      const map = new YAMLMap();
      map.items.push(new Pair(new Scalar(longFormKey(name)), value));
      return map;
    },
  });
}

/**
 * A template body as the CreateChangeSet page allows it: JSON or YAML text. YAML short forms become their long
 * forms; anything else that is not a template text answers InvalidSchema.
 */
export function parseTemplateText(body: string): unknown {
  if (body.trimStart().startsWith('{')) {
    try {
      return JSON.parse(body);
    } catch {
      // Not JSON: YAML's flow style can still read it, and says why not when it cannot.
    }
  }
  // Duplicate keys: the last one wins, as JSON.parse does and as the service's reader evidently does
  // (docs/provider-notes.md); everything else YAML calls an error is InvalidSchema.
  const document = parseDocument(body, { logLevel: 'silent', prettyErrors: false, uniqueKeys: false });
  const [error] = document.errors;
  if (error) {
    throw new RosError(
      'InvalidSchema',
      400,
      `The template is not valid JSON or YAML: ${error.message.split('\n')[0]} (${error.code}).`,
    );
  }
  expandShortForms(document);
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw new RosError('InvalidSchema', 400, `The template is not valid YAML: ${(cause as Error).message}.`);
  }
}
