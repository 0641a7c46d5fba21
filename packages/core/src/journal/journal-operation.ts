/** The provider calls that can change something, each recorded as an intent before it is made. */
export const journalOperations = ['create', 'start', 'cancel'] as const;
/** One of the provider calls a journal records. */
export type JournalOperation = (typeof journalOperations)[number];
