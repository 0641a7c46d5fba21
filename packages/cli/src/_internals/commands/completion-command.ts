import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';

/** Words to complete: each command with its long options. */
function commandWords(program: Command): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const command of program.commands) {
    words.set(
      command.name(),
      command.options.flatMap((option) => (option.long ? [option.long] : [])),
    );
  }
  return words;
}

function bash(words: Map<string, string[]>): string {
  const cases = [...words]
    .map(([name, options]) => `    ${name}) COMPREPLY=( $(compgen -W "${options.join(' ')}" -f -- "$cur") ) ;;`)
    .join('\n');
  return `# changeplane completion for bash: source <(changeplane completion bash)
_changeplane() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${[...words.keys()].join(' ')} --help --version" -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
  esac
}
complete -o default -F _changeplane changeplane
`;
}

function zsh(words: Map<string, string[]>): string {
  return `#compdef changeplane
# changeplane completion for zsh: source <(changeplane completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(words)}`;
}

function fish(words: Map<string, string[]>): string {
  const lines = [`complete -c changeplane -n '__fish_use_subcommand' -a '${[...words.keys()].join(' ')}'`];
  for (const [name, options] of words) {
    for (const option of options) {
      lines.push(`complete -c changeplane -n '__fish_seen_subcommand_from ${name}' -l ${option.replace(/^--/, '')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `changeplane completion bash|zsh|fish`: prints the script, generated from the command tree itself. */
export function completionCommand(program: Command, shell: string): number {
  const words = commandWords(program);
  const script = { bash, zsh, fish }[shell as 'bash' | 'zsh' | 'fish'];
  if (!script) {
    process.stderr.write(`changeplane completion: unknown shell ${shell} (bash, zsh or fish)\n`);
    return ExitCode.invalidInput;
  }
  process.stdout.write(script(words));
  return ExitCode.success;
}
