import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CITATION, SOURCE_TITLES } from './sources';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SOURCES_MD = readFileSync(join(ROOT, 'docs', 'sources.md'), 'utf8');

function typescriptFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return typescriptFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('citations a reader can follow (docs/sources.md)', () => {
  it.each(SOURCE_TITLES.map((title) => [title]))('%s has its section in docs/sources.md', (title) => {
    expect(SOURCES_MD).toContain(`\n## ${title}\n`);
  });

  it('every "<title> §Section" cited by the domain is described in docs/sources.md', () => {
    const code = typescriptFiles(join(ROOT, 'libs', 'domain', 'src'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const cited = new Set(
      [...code.matchAll(new RegExp(`(${SOURCE_TITLES.join('|')}) §([A-Za-z]+)`, 'g'))].map(
        (match) => match[2],
      ),
    );
    expect(cited.size).toBeGreaterThan(5);
    for (const section of cited) expect(SOURCES_MD).toContain(`**§${section}**`);
  });

  it('no code cites the source files by their team-internal numbers any more', () => {
    const code = typescriptFiles(join(ROOT, 'libs', 'domain', 'src'))
      .filter((file) => !file.endsWith('sources.spec.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // The word, a space and a two-zero number: the internal file numbering, never a document's title.
    expect(code).not.toMatch(/\bseed\s0{2}\d/i);
  });

  it('a citation is a short title with a line, section or page, or a public fact', () => {
    expect('BBT 2020-2021 l.1203-1205: "uiterlijk 2 maanden"').toMatch(CITATION);
    expect('Verplichting tot inburgering §Aanmelden: …').toMatch(CITATION);
    expect('public: from 1 January 2023').toMatch(CITATION);
    // A source-file number is not a citation (built from parts so no source line reads like one).
    expect(['seed', '003', 'l.1203'].join(' ')).not.toMatch(CITATION);
  });
});
