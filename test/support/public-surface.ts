import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** What a package's index exports, by name: values (runtime bindings) and types (type-only), each sorted. */
export interface PublicSurface {
  readonly values: readonly string[];
  readonly types: readonly string[];
}

function sourcesBelow(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourcesBelow(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.spec.') ? [path] : [];
  });
}

/**
 * Reads the export list of `index` the way a consumer's compiler sees it (re-exports followed, `export *`
 * expanded). Only the package's own sources are loaded (`noResolve`), so third-party types are never read
 * and the check takes a moment rather than seconds.
 */
export function publicSurfaceOf(index: URL): PublicSurface {
  const indexPath = fileURLToPath(index);
  const sourceDirectory = join(indexPath, '..');
  const program = ts.createProgram(sourcesBelow(sourceDirectory), {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noResolve: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(indexPath)!);
  if (!module) throw new Error(`${indexPath} is not a module`);
  const values: string[] = [];
  const types: string[] = [];
  for (const exported of checker.getExportsOfModule(module)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const typeOnly = exported.declarations?.some((declaration) => ts.isTypeOnlyExportDeclaration(declaration));
    const isValue = !typeOnly && (target.flags & ts.SymbolFlags.Value) !== 0;
    (isValue ? values : types).push(exported.name);
  }
  return { values: values.sort(), types: types.sort() };
}
