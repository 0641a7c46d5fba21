/** A CreateChangeSet request in changeplane's camelCase: every parameter of the API page. */
export interface RosChangeSetRequest {
  /** Default UPDATE, as the API. */
  readonly changeSetType?: 'CREATE' | 'UPDATE' | 'IMPORT';
  readonly regionId: string;
  readonly changeSetName: string;
  /** The new stack's name (CREATE, IMPORT into a new stack). */
  readonly stackName?: string;
  /** The existing stack (UPDATE, IMPORT into an existing stack). */
  readonly stackId?: string;
  /** Exactly one of templateBody (an object is sent as JSON), templateURL and templateId. */
  readonly templateBody?: string | Readonly<Record<string, unknown>>;
  readonly templateURL?: string;
  readonly templateId?: string;
  /** Only with templateId. */
  readonly templateVersion?: string;
  readonly templateScratchId?: string;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly usePreviousParameters?: boolean;
  readonly stackPolicyBody?: string | Readonly<Record<string, unknown>>;
  readonly stackPolicyURL?: string;
  readonly stackPolicyDuringUpdateBody?: string | Readonly<Record<string, unknown>>;
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
  readonly tags?: readonly { readonly key: string; readonly value?: string }[];
  readonly description?: string;
  /** The CreateChangeSet ClientToken; generated when omitted, and reused on every retry. */
  readonly clientToken?: string;
}
