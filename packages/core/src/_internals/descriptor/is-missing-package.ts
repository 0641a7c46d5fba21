/**
 * True when `error` is Node's failure to find `packageName` itself (`ERR_MODULE_NOT_FOUND`, "Cannot find
 * package '<name>'"), not a module missing inside it or any other load failure: only that case has a fix to
 * name.
 */
export function isMissingPackage(error: unknown, packageName: string): boolean {
  if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') return false;
  return error.message.startsWith(`Cannot find package '${packageName}'`);
}
