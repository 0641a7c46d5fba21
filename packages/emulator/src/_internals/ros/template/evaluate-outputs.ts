import { createHash } from 'node:crypto';
import type { RosTemplate } from './ros-template.js';
import { isTerraformTransform, terraformOutputs } from './terraform-workspace.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const hash = (text: string) => createHash('sha256').update(text).digest('hex');

export interface OutputContext {
  readonly template: RosTemplate;
  /** The stack's parameter values as given (strings), by name. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Pseudo parameter values (`ALIYUN::Region`, ...). */
  readonly pseudo: Readonly<Record<string, string>>;
  readonly stackId: string;
}

export interface StackOutput {
  readonly OutputKey: string;
  readonly OutputValue: unknown;
  readonly Description?: unknown;
}

/** Could not be evaluated here: the output keeps its declaration. */
class Unevaluable extends Error {}

/**
 * A resource's fake physical id: the lower-cased resource name of its type and a hash of the stack id and
 * logical id, so the same stack always shows the same values (`vpc-3f1c...` for an ALIYUN::ECS::VPC).
 */
export function physicalId(stackId: string, logicalId: string, type: unknown): string {
  const kind = typeof type === 'string' ? (type.split('::').at(-1) ?? 'resource').toLowerCase() : 'resource';
  return `${kind}-${hash(`${stackId}/${logicalId}`).slice(0, 20)}`;
}

/** A parameter's value with its declared type: Number as a number, CommaDelimitedList as a list, Json parsed. */
function typedParameter(type: unknown, value: string): unknown {
  if (type === 'Number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'CommaDelimitedList') return value.split(',').map((item) => item.trim());
  if (type === 'Boolean') return value.toLowerCase() === 'true';
  if (type === 'Json') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

const pluralAttribute = /(Ids|Ips|IPs|Addresses|Names|List|Urls|Endpoints)$/;
const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Evaluates what an emulator can know of a value: parameters, pseudo parameters, fake resource ids, string functions. */
function evaluator(context: OutputContext) {
  const { template } = context;
  const resources = isRecord(template.Resources) ? template.Resources : {};
  const locals = isRecord(template.Locals) ? template.Locals : {};
  const declared = isRecord(template.Parameters) ? template.Parameters : {};
  const conditionCache = new Map<string, boolean>();

  const ref = (name: string): unknown => {
    if (name in context.pseudo) return context.pseudo[name];
    if (name in context.parameters) return typedParameter(declared[name]?.Type, context.parameters[name]!);
    if (name in resources) return physicalId(context.stackId, name, resources[name]?.Type);
    const local = locals[name];
    if (isRecord(local) && local.Type === 'Eval') return evaluate(local.Value);
    if (local !== undefined) return physicalId(context.stackId, name, local.Type);
    throw new Unevaluable();
  };
  const attribute = (name: string, attributeName: string): unknown => {
    if (!(name in resources) && !(name in locals)) throw new Unevaluable();
    const type = (resources[name] ?? locals[name])?.Type;
    const id = physicalId(context.stackId, name, type);
    // The resource's own id (`VpcId` of an ALIYUN::ECS::VPC) is what Ref gives; an attribute named like a
    // property the template sets (`CidrBlock`) is that property's value.
    if (attributeName.toLowerCase() === `${String(type).split('::').at(-1)}Id`.toLowerCase()) return id;
    const properties = resources[name]?.Properties;
    if (isRecord(properties) && properties[attributeName] !== undefined) return evaluate(properties[attributeName]);
    const value = `${id}.${attributeName}`;
    // Plural attributes (InstanceIds, PublicIps, ...) are lists: two fake members.
    return pluralAttribute.test(attributeName) ? [`${value}.0`, `${value}.1`] : value;
  };
  const condition = (name: string): boolean => {
    const cached = conditionCache.get(name);
    if (cached !== undefined) return cached;
    const declaredCondition = isRecord(template.Conditions) ? template.Conditions[name] : undefined;
    if (declaredCondition === undefined) throw new Unevaluable();
    conditionCache.set(name, false); // a condition that refers to itself is false, not a stack overflow
    const result = Boolean(evaluate(declaredCondition));
    conditionCache.set(name, result);
    return result;
  };
  const substitute = (pattern: string, variables: Record<string, unknown>) =>
    pattern.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      const name = inner.trim();
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      if (name in variables) return text(evaluate(variables[name]));
      const dot = name.indexOf('.');
      if (dot > 0 && !name.startsWith('ALIYUN::')) return text(attribute(name.slice(0, dot), name.slice(dot + 1)));
      try {
        return text(ref(name));
      } catch {
        return whole; // not a template name: left as written
      }
    });

  const evaluate = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(evaluate);
    if (!isRecord(value)) return value;
    const entries = Object.entries(value);
    if (entries.length !== 1) return Object.fromEntries(entries.map(([key, item]) => [key, evaluate(item)]));
    const [[name, argument]] = entries as [[string, unknown]];
    const list = () => (Array.isArray(argument) ? argument : [argument]);
    switch (name) {
      case 'Ref':
        return ref(text(evaluate(argument)));
      case 'Fn::GetAtt': {
        const [target, attributeName] = Array.isArray(argument) ? argument.map(evaluate) : text(argument).split('.');
        return attribute(text(target), text(attributeName));
      }
      case 'Fn::Join': {
        const [delimiter, items] = list().map(evaluate);
        if (!Array.isArray(items)) throw new Unevaluable();
        return items.map(text).join(text(delimiter ?? ''));
      }
      case 'Fn::Sub': {
        const [pattern, variables] = list();
        return substitute(text(evaluate(pattern)), isRecord(variables) ? variables : {});
      }
      case 'Fn::Select': {
        const [index, items] = list().map(evaluate);
        if (Array.isArray(items)) return items[Number(index)];
        if (isRecord(items)) return items[text(index)];
        throw new Unevaluable();
      }
      case 'Fn::Split': {
        const [delimiter, source] = list().map(evaluate);
        return text(source).split(text(delimiter));
      }
      case 'Fn::Replace': {
        const [replacements, source] = list().map(evaluate);
        if (!isRecord(replacements)) throw new Unevaluable();
        return Object.entries(replacements).reduce(
          (result, [from, to]) => result.split(from).join(text(to)),
          text(source),
        );
      }
      case 'Fn::FindInMap': {
        const [map, first, second] = list().map(evaluate);
        const mapping = isRecord(template.Mappings) ? template.Mappings[text(map)] : undefined;
        const row = isRecord(mapping) ? mapping[text(first)] : undefined;
        if (!isRecord(row) || !(text(second) in row)) throw new Unevaluable();
        return row[text(second)];
      }
      case 'Fn::If': {
        const [conditionName, whenTrue, whenFalse] = list();
        const holds = typeof conditionName === 'string' ? condition(conditionName) : Boolean(evaluate(conditionName));
        return evaluate(holds ? whenTrue : whenFalse);
      }
      case 'Condition':
        return condition(text(argument));
      case 'Fn::Equals': {
        const [left, right] = list().map(evaluate);
        return JSON.stringify(left) === JSON.stringify(right);
      }
      case 'Fn::And':
        return list().every((item) => Boolean(evaluate(item)));
      case 'Fn::Or':
        return list().some((item) => Boolean(evaluate(item)));
      case 'Fn::Not':
        return !evaluate(list()[0]);
      case 'Fn::Base64Encode':
        return Buffer.from(text(evaluate(argument)), 'utf8').toString('base64');
      case 'Fn::Base64Decode':
        return Buffer.from(text(evaluate(argument)), 'base64').toString('utf8');
      case 'Fn::Str':
        return text(evaluate(argument));
      case 'Fn::Length': {
        const items = evaluate(argument);
        return Array.isArray(items) || typeof items === 'string' ? items.length : Object.keys(items ?? {}).length;
      }
      case 'Fn::GetAZs': {
        const region = text(evaluate(argument)) || text(context.pseudo['ALIYUN::Region']);
        return [`${region}-h`, `${region}-i`, `${region}-j`];
      }
      case 'Fn::Jq': {
        // Only the simplest query (`.[N]`) is run here; real jq programs are the service's.
        const [, query, source] = list().map(evaluate);
        const index = /^\.\[(\d+)\]$/.exec(text(query))?.[1];
        if (index === undefined || !Array.isArray(source)) throw new Unevaluable();
        return source[Number(index)];
      }
      case 'Fn::ListMerge':
        return list()
          .map(evaluate)
          .flatMap((items) => (Array.isArray(items) ? items : [items]));
      default:
        if (name.startsWith('Fn::')) throw new Unevaluable();
        return { [name]: evaluate(argument) };
    }
  };
  return { evaluate, condition };
}

/**
 * The stack's Outputs as GetStack lists them, evaluated as far as an emulator can: Ref to parameters, pseudo
 * parameters and resources (a fake, stable physical id), Fn::GetAtt (`<physical id>.<attribute>`), Fn::Join,
 * Fn::Sub, Fn::If with its conditions, Fn::Select, Fn::FindInMap, ... An output whose Condition is false is left
 * out; a value the emulator cannot evaluate is shown as declared. A Terraform stack lists its root module's
 * `output` blocks.
 */
export function evaluateOutputs(context: OutputContext): StackOutput[] {
  const { template } = context;
  if (isTerraformTransform(template.Transform) && isRecord(template.Workspace)) {
    return terraformOutputs(template.Workspace).map((name) => ({
      OutputKey: name,
      OutputValue: `${name}-${hash(`${context.stackId}/${name}`).slice(0, 16)}`,
    }));
  }
  const { evaluate, condition } = evaluator(context);
  const outputs: StackOutput[] = [];
  for (const [key, declaration] of Object.entries(isRecord(template.Outputs) ? template.Outputs : {})) {
    if (!isRecord(declaration)) continue;
    let value: unknown;
    try {
      if (typeof declaration.Condition === 'string' && !condition(declaration.Condition)) continue;
      value = evaluate(declaration.Value);
    } catch {
      // Unevaluable here (a function only the service can run, a name it resolves): shown as declared.
      value = declaration.Value;
    }
    outputs.push({
      OutputKey: key,
      OutputValue: value,
      ...(declaration.Description !== undefined ? { Description: declaration.Description } : {}),
    });
  }
  return outputs;
}
