/** Credential-shaped Alibaba Cloud strings that error output masks: access key ids (LTAI...). */
export const rosSecretPatterns: readonly RegExp[] = [/\b(LTAI)[0-9A-Za-z]{12,30}\b/g];
