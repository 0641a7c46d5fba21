/** A JSON object given as a value: sent as its JSON text. */
export type RosJsonObject = { readonly [key: string]: unknown };

/**
 * A CreateChangeSet request in changeplane's camelCase: every parameter of `CreateChangeSetRequest` in
 * `@alicloud/ros20190910` 3.7.0. A parameter that the API page says takes effect only with another
 * ChangeSetType is left out of the request with a warning (see docs/provider-notes.md), never refused.
 */
export interface RosChangeSetRequest {
  /**
   * Default UPDATE, as the API, when stackId is given. Omitted with stackName alone, the stack is looked up
   * by name in regionId when the change set is created: CREATE when there is none, UPDATE against it when
   * there is one (a stack that cannot take an update is a `conflict` naming it); timeoutInMinutes is then
   * required, as it may become a CREATE. IMPORT is only made when asked for.
   */
  readonly changeSetType?: 'CREATE' | 'UPDATE' | 'IMPORT';
  readonly regionId: string;
  readonly changeSetName: string;
  /** The new stack's name (CREATE, IMPORT into a new stack; or the stack to look up); ignored with a warning for UPDATE. */
  readonly stackName?: string;
  /** The existing stack (UPDATE, IMPORT into an existing stack); ignored with a warning for CREATE. */
  readonly stackId?: string;
  /**
   * Exactly one of templateBody, templateURL and templateId (or, for IMPORT, templateScratchId alone).
   * templateBody: an object is sent as JSON; a string is sent as given and must be a JSON or YAML mapping.
   */
  readonly templateBody?: string | RosJsonObject;
  readonly templateURL?: string;
  readonly templateId?: string;
  /** Only with templateId (ignored with a warning otherwise). */
  readonly templateVersion?: string;
  /** The resource scenario (IMPORT only, instead of a template). */
  readonly templateScratchId?: string;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly usePreviousParameters?: boolean;
  readonly stackPolicyBody?: string | RosJsonObject;
  readonly stackPolicyURL?: string;
  readonly stackPolicyDuringUpdateBody?: string | RosJsonObject;
  readonly stackPolicyDuringUpdateURL?: string;
  /** 10-1440; required for CREATE. */
  readonly timeoutInMinutes?: number;
  readonly disableRollback?: boolean;
  readonly notificationURLs?: readonly string[];
  readonly resourcesToImport?: readonly {
    readonly resourceType: string;
    readonly logicalResourceId: string;
    readonly resourceIdentifier: string | Readonly<Record<string, string>>;
  }[];
  readonly ramRoleName?: string;
  readonly replacementOption?: 'Enabled' | 'Disabled';
  readonly parallelism?: number;
  /** The resource group the stack joins (default: the account's default group). */
  readonly resourceGroupId?: string;
  /** Logical ids of resources to mark as dirty (replaced on the update). */
  readonly taintResources?: readonly string[];
  readonly tags?: readonly { readonly key: string; readonly value?: string }[];
  readonly description?: string;
  /** The CreateChangeSet ClientToken; generated when omitted, and reused on every retry. */
  readonly clientToken?: string;
}
