import { RosError } from '../ros-error.js';

/** `Aliyun::Terraform-v1.5`, `Aliyun::Terraform-v0.12`, and the first form `Aliyun::Terraform-2020-06-18`. */
export const isTerraformTransform = (transform: unknown): transform is string =>
  typeof transform === 'string' && /^Aliyun::Terraform-(v\d+\.\d+|\d{4}-\d{2}-\d{2})$/.test(transform);

const invalid = (why: string) =>
  new RosError('InvalidTemplateSection', 400, `The template section is invalid: Workspace (${why}).`);

/**
 * The Workspace limits of the Terraform template structure page: not empty, at most 50 files, relative paths
 * of at most 1,024 characters, each name at most 255, at most 5 levels deep, every value the file's text.
 * (The page also says a path ends in `.tf`; published templates carry `.metadata` and `.sh` files too, which
 * the service evidently accepts, so the extension is not checked.)
 */
export function checkTerraformWorkspace(workspace: unknown): void {
  if (workspace === null || typeof workspace !== 'object' || Array.isArray(workspace))
    throw invalid('a Terraform template needs a Workspace mapping of file paths to file contents');
  const files = Object.entries(workspace);
  if (files.length === 0) throw invalid('it cannot be empty');
  if (files.length > 50) throw invalid(`at most 50 files, got ${files.length}`);
  for (const [path, content] of files) {
    if (path.startsWith('/')) throw invalid(`${path}: the path must be relative`);
    if (path.length > 1_024) throw invalid(`${path.slice(0, 40)}...: a path has at most 1,024 characters`);
    const names = path.split('/');
    if (names.length > 5) throw invalid(`${path}: at most 5 levels deep`);
    if (names.some((name) => name.length === 0 || name.length > 255))
      throw invalid(`${path}: every name in a path has 1 to 255 characters`);
    if (typeof content !== 'string') throw invalid(`${path}: the value must be the file's text`);
  }
}

/** `resource "type" "name"` blocks of the workspace's .tf files, as `type.name` (what a Terraform plan lists). */
export function terraformResources(workspace: Readonly<Record<string, string>>): { id: string; type: string }[] {
  const found = new Map<string, string>();
  for (const [path, text] of Object.entries(workspace)) {
    if (!path.endsWith('.tf')) continue;
    const prefix = path.includes('/') ? `${path.slice(0, path.lastIndexOf('/')).replaceAll('/', '.')}.` : '';
    for (const match of text.matchAll(/^\s*resource\s+"([^"]+)"\s+"([^"]+)"/gm)) {
      found.set(`${prefix}${match[1]}.${match[2]}`, match[1]!);
    }
  }
  return [...found].map(([id, type]) => ({ id, type }));
}

/** `output "name"` blocks of the root module (files not in a folder). */
export function terraformOutputs(workspace: Readonly<Record<string, string>>): string[] {
  const names = new Set<string>();
  for (const [path, text] of Object.entries(workspace)) {
    if (!path.endsWith('.tf') || path.includes('/')) continue;
    for (const match of text.matchAll(/^\s*output\s+"([^"]+)"/gm)) names.add(match[1]!);
  }
  return [...names];
}
