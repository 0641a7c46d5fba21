/** One use of a name inside a template value. */
export type TemplateReference =
  | { readonly kind: 'Ref'; readonly name: string }
  | { readonly kind: 'Fn::GetAtt'; readonly name: string }
  | { readonly kind: 'Fn::Sub'; readonly name: string; readonly attribute: boolean }
  | { readonly kind: 'Condition'; readonly name: string }
  | { readonly kind: 'Fn::FindInMap'; readonly name: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `${Name}` and `${Name.Attribute}` of an Fn::Sub string; `${!Literal}` is text, not a variable. */
function subVariables(text: string): { name: string; attribute: boolean }[] {
  const found: { name: string; attribute: boolean }[] = [];
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const inner = match[1]!.trim();
    if (inner.startsWith('!') || inner.length === 0) continue;
    if (inner.startsWith('ALIYUN::')) found.push({ name: inner, attribute: false });
    else {
      const dot = inner.indexOf('.');
      found.push(dot > 0 ? { name: inner.slice(0, dot), attribute: true } : { name: inner, attribute: false });
    }
  }
  return found;
}

/** Is this value an inline nested template (the TemplateBody of an ALIYUN::ROS::Stack given as a mapping)? */
export const isInlineTemplate = (value: unknown) => isRecord(value) && 'ROSTemplateFormatVersion' in value;

/**
 * Every literal name a value refers to through Ref, Fn::GetAtt, Fn::Sub, Fn::If / Condition and
 * Fn::FindInMap. Names computed by other functions are the service's to resolve and are not listed.
 * `options.skip` stops the walk at values that belong to another template (a nested stack's TemplateBody).
 */
export function templateReferences(
  value: unknown,
  options: { readonly skip?: (value: unknown) => boolean; readonly conditionKey?: boolean } = {},
): TemplateReference[] {
  const skip = options.skip ?? (() => false);
  const found: TemplateReference[] = [];
  const visit = (item: unknown): void => {
    if (skip(item)) return;
    if (Array.isArray(item)) {
      item.forEach(visit);
      return;
    }
    if (!isRecord(item)) return;
    for (const [key, argument] of Object.entries(item)) {
      switch (key) {
        case 'Ref':
          if (typeof argument === 'string') found.push({ kind: 'Ref', name: argument });
          else visit(argument);
          break;
        case 'Fn::GetAtt': {
          const target = Array.isArray(argument)
            ? argument[0]
            : typeof argument === 'string'
              ? argument.split('.')[0]
              : undefined;
          if (typeof target === 'string') found.push({ kind: 'Fn::GetAtt', name: target });
          if (Array.isArray(argument)) argument.slice(typeof target === 'string' ? 1 : 0).forEach(visit);
          break;
        }
        case 'Fn::Sub': {
          const [text, variables] = Array.isArray(argument) ? argument : [argument, undefined];
          const own = isRecord(variables) ? new Set(Object.keys(variables)) : new Set<string>();
          if (typeof text === 'string') {
            for (const variable of subVariables(text)) {
              if (!own.has(variable.name)) found.push({ kind: 'Fn::Sub', ...variable });
            }
          } else visit(text);
          if (variables !== undefined) visit(variables);
          break;
        }
        case 'Fn::If':
          if (Array.isArray(argument) && typeof argument[0] === 'string') {
            found.push({ kind: 'Condition', name: argument[0] });
            argument.slice(1).forEach(visit);
          } else visit(argument);
          break;
        case 'Condition':
          // `Condition: Name` names a condition inside the Conditions section; elsewhere (a RAM policy's
          // Condition, say) it is data. Resources' and Outputs' own Condition is read by the caller.
          if (options.conditionKey && typeof argument === 'string') found.push({ kind: 'Condition', name: argument });
          else visit(argument);
          break;
        case 'Fn::FindInMap':
          if (Array.isArray(argument) && typeof argument[0] === 'string') {
            found.push({ kind: 'Fn::FindInMap', name: argument[0] });
            argument.slice(1).forEach(visit);
          } else visit(argument);
          break;
        default:
          visit(argument);
      }
    }
  };
  visit(value);
  return found;
}
