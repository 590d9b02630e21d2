import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Joins a flag that takes a value with a next argument that starts with `-` (`--window-start -1`
 * becomes `--window-start=-1`), which Node's parser would otherwise refuse as ambiguous; that holds
 * for `--` too when it follows such a flag. Arguments after a `--` that ends the options are left
 * alone.
 */
export function attachDashValues(args: readonly string[], options: Options): string[] {
  const takesValue = (arg: string): boolean => {
    if (arg.startsWith('--')) {
      if (arg.includes('=')) return false;
      return Object.hasOwn(options, arg.slice(2)) && options[arg.slice(2)]?.type === 'string';
    }
    if (/^-[^-]$/.test(arg))
      return Object.values(options).some((o) => o.short === arg[1] && o.type === 'string');
    return false;
  };
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const next = args[i + 1];
    if (next !== undefined && next.startsWith('-') && takesValue(arg)) {
      out.push(arg.startsWith('--') ? `${arg}=${next}` : `${arg}${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** `util.parseArgs`, except that a value starting with `-` after a flag that takes one is that value. */
export function parseArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof nodeParseArgs<T>> {
  const args = attachDashValues(config.args ?? [], config.options ?? {});
  return nodeParseArgs<T>({ ...config, args } as T);
}

/** Node's argument errors span several lines: one line, pointing at the command's help. */
export function argumentErrorMessage(error: unknown, command: string): string | null {
  if (!(error instanceof Error) || !('code' in error) || !String(error.code).startsWith('ERR_PARSE_ARGS')) {
    return null;
  }
  const text = error.message
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
  return `${text} (see ${command} --help)`;
}
