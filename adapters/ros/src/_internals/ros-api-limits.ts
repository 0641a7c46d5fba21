/**
 * The CreateChangeSet limits of the API pages (/work/shared/seeds 001/002, the English and Chinese
 * CreateChangeSet pages) and of SDK 3.7.0's `CreateChangeSetRequest` doc comments, one entry per
 * parameter. Alibaba publishes prose, not regexes: each pattern is the prose written as one.
 */
export const rosApiLimits = {
  /** "up to 255 characters ... digits, letters, hyphens (-), and underscores (_) ... must start with a digit or letter". */
  name: { maxChars: 255, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/ },
  /** TemplateBody: "1 to 524,288 bytes". */
  templateBodyBytes: { min: 1, max: 524_288 },
  /** TemplateURL: "up to 1,024 bytes". */
  templateURLBytes: 1_024,
  /** StackPolicyBody / StackPolicyDuringUpdateBody: "1 to 16,384 bytes". */
  stackPolicyBodyBytes: { min: 1, max: 16_384 },
  /** StackPolicyURL / StackPolicyDuringUpdateURL: "up to 1,350 bytes". */
  stackPolicyURLBytes: 1_350,
  /** Parameters.N: "Maximum value of N: 200". */
  parameters: 200,
  /** NotificationURLs.N: "Maximum value of N: 5", each "up to 1,024 bytes". */
  notificationURLs: { maxItems: 5, maxBytes: 1_024 },
  /** TimeoutInMinutes (Long): "10 to 1440". */
  timeoutInMinutes: { min: 10, max: 1_440 },
  /** Description: "up to 1,024 bytes". */
  descriptionBytes: 1_024,
  /** Tags.N: "from 1 to 20" (SDK). */
  tags: { minItems: 1, maxItems: 20 },
  /** RamRoleName: "up to 64 bytes". */
  ramRoleNameBytes: 64,
  /** Parallelism (Long): "an integer that is greater than or equal to 0". */
  parallelismMin: 0,
} as const;

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
