/** Credential-shaped AWS strings that error output masks: access key ids (AKIA..., ASIA...). */
export const awsSecretPatterns: readonly RegExp[] = [/\b(A(?:KI|SI)A)[0-9A-Z]{16}\b/g];
