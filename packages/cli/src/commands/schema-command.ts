import type { Command } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { planFileJsonSchema } from '../plan-file/plan-file-json-schema.js';

/** `changeplane schema`: prints the plan file's JSON Schema (the one published as `@changeplane/cli/plan-file.schema.json`). */
export function schemaCommand(write: (text: string) => void = (text) => process.stdout.write(text)): number {
  write(`${JSON.stringify(planFileJsonSchema(), null, 2)}\n`);
  return ExitCode.success;
}

/** Adds `schema` to the program; `setExitCode` receives the command's exit code. */
export function registerSchemaCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('schema')
    .description('print the JSON Schema of plan files (for editors: yaml-language-server, VS Code)')
    .action(() => setExitCode(schemaCommand()));
}
