import { type CollectionTag, Pair, Scalar, type ScalarTag, YAMLMap, type YAMLSeq } from 'yaml';

/**
 * The ROS template functions, as the ROS function index lists them, and those real templates use besides
 * (ListJoin, MergeMap, TransformNamespace in github.com/aliyun/ros-templates): `!Name` in YAML is
 * `Fn::Name` (`!Ref` and `!Condition` keep their names). https://www.alibabacloud.com/help/en/ros/user-guide/functions
 */
export const rosFunctionNames = [
  'Ref',
  'Condition',
  'Add',
  'And',
  'Any',
  'Avg',
  'Base64Decode',
  'Base64Encode',
  'Calculate',
  'Cidr',
  'Contains',
  'EachMemberIn',
  'Equals',
  'FindInMap',
  'FormatTime',
  'GetAZs',
  'GetAtt',
  'GetJsonValue',
  'GetStackOutput',
  'If',
  'Indent',
  'Index',
  'Jq',
  'Join',
  'Length',
  'ListJoin',
  'ListMerge',
  'MarketplaceImage',
  'Max',
  'MergeMap',
  'MergeMapToList',
  'Min',
  'Not',
  'Or',
  'Replace',
  'Select',
  'SelectMapList',
  'Split',
  'Str',
  'Sub',
  'TransformNamespace',
] as const;

const longFormKey = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

/** `!GetAtt Res.Attr.Sub` is `['Res', 'Attr.Sub']`: the resource name never has a dot, attributes may. */
function getAttArguments(text: string): unknown {
  const dot = text.indexOf('.');
  return dot > 0 ? [text.slice(0, dot), text.slice(dot + 1)] : text;
}

/** A collection's long form stays a YAML node, so the duplicate-key and depth checks still see inside it. */
function longFormNode(name: string, value: YAMLMap.Parsed | YAMLSeq.Parsed): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(longFormKey(name)), value));
  return map;
}

/**
 * The `yaml` custom tags for every ROS short form, on scalars, sequences and mappings alike (`!Sub 'x'`,
 * `!Sub ['x', {...}]`, `!Base64Encode {Fn::Sub: x}`): each becomes its long form while the file is read.
 */
export function rosShortFormTags(): (ScalarTag | CollectionTag)[] {
  return rosFunctionNames.flatMap((name): (ScalarTag | CollectionTag)[] => {
    const tag = `!${name}`;
    const resolveCollection = (value: YAMLMap.Parsed | YAMLSeq.Parsed) => longFormNode(name, value);
    return [
      { tag, resolve: (text) => ({ [longFormKey(name)]: name === 'GetAtt' ? getAttArguments(text) : text }) },
      { tag, collection: 'seq', resolve: resolveCollection },
      { tag, collection: 'map', resolve: resolveCollection },
    ];
  });
}
