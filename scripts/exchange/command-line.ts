/** A command line's `--name value` options and its positional arguments. */
export interface CommandLine {
  options: Map<string, string>;
  positional: string[];
}

/** Reads `--name value` pairs and positional arguments; throws with the usage on an option without a value or unknown. */
export function readCommandLine(
  argv: readonly string[],
  known: readonly string[],
  usage: string,
): CommandLine {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${argument} needs a value\n${usage}`);
    options.set(argument.slice(2), value);
    index++;
  }
  const unknown = [...options.keys()].filter((key) => !known.includes(key));
  if (unknown.length) throw new Error(`unknown option --${unknown[0]}\n${usage}`);
  return { options, positional };
}

/** CSV or JSON Lines: `--format`, else from the file's extension (.jsonl, .ndjson). */
export function fileFormat(file: string, option: string | undefined, usage: string): 'CSV' | 'JSONL' {
  const extension = file.slice(file.lastIndexOf('.')).toLowerCase();
  const format = (option ?? (['.jsonl', '.ndjson'].includes(extension) ? 'JSONL' : 'CSV')).toUpperCase();
  if (format !== 'CSV' && format !== 'JSONL') throw new Error(`--format must be CSV or JSONL\n${usage}`);
  return format;
}
