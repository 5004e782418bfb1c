import { readFileSync } from 'node:fs';

/**
 * The shell lines of README.md's "Try it" section: every ```bash block between the "Try it" heading and the next
 * heading, joined. Lines continued with a backslash stay as written.
 */
export function tryItScript(readme: string = readFileSync(`${__dirname}/../../README.md`, 'utf8')): string {
  const start = readme.search(/^#+ Try it\s*$/m);
  if (start < 0) throw new Error('README.md has no "Try it" heading');
  const rest = readme.slice(start).split('\n').slice(1).join('\n');
  const end = rest.search(/^#+ /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const blocks = [...section.matchAll(/^```(?:bash|sh|shell)\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
  if (!blocks.length) throw new Error('README.md\'s "Try it" section has no bash block');
  return blocks.join('\n');
}
