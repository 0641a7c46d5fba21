/**
 * An optional package that a feature loads lazily is not installed (the embedded emulators without
 * `@changeplane/emulator`): the message names the package and the command that installs it.
 */
export interface MissingPackageError {
  readonly kind: 'missing-package';
  /** The package to install (`@changeplane/emulator`). */
  readonly packageName: string;
  readonly message: string;
}

/** The problem for `packageName` missing, naming what needs it (`the embedded emulators`). */
export function missingPackageError(packageName: string, neededBy: string): MissingPackageError {
  return {
    kind: 'missing-package',
    packageName,
    message: `${neededBy} need ${packageName}, which is not installed: npm install ${packageName}`,
  };
}
