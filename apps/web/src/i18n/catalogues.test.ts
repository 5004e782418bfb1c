import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_ACTION_STATUSES } from '../../../../libs/domain/src/policy-plan/policy-action-status';
import { EXEMPTION_REASON_CODES } from '../../../../libs/domain/src/target-group/exemption-reasons';
import { CLOSURE_REASONS } from '../../../../libs/domain/src/trajectory/commands';
import { TARGET_GROUP_RULES } from '../../../../libs/domain/src/target-group/target-group-rules';
import { PILLAR_REASON_KEYS } from '../../../../libs/domain/src/pillars/applicability';
import { EVENT_SCHEMA_VERSIONS } from '../../../../libs/domain/src/trajectory/events';
import { NEXT_ACTION_CODES, NEXT_ACTION_KEYS } from '../../../../libs/domain/src/trajectory/next-actions';
import { en } from './en';
import { nl } from './nl';

const SOURCE_ROOT = join(__dirname, '..');

/** The app's sources, without the catalogues themselves and the tests. */
function sources(dir = SOURCE_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    if (path.endsWith(join('i18n', 'nl.ts')) || path.endsWith(join('i18n', 'en.ts'))) return [];
    return [readFileSync(path, 'utf8')];
  });
}

const code = sources().join('\n');
/** Keys written out in the sources ('nav.caseload'), and the prefixes of keys built from a value. */
const literals = new Set(
  [...code.matchAll(/['"]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"]/g)].map((match) => match[1]!),
);
const prefixes = [
  ...[...code.matchAll(/`([a-zA-Z][\w.]*\.)\$\{/g)].map((match) => match[1]!),
  ...[...code.matchAll(/label\('([\w.]+\.)'/g)].map((match) => match[1]!),
  // A prefix kept as a value (a parameter's catalogue in rejectionText): 'closureReason.'.
  ...[...code.matchAll(/:\s*'([a-zA-Z][\w.]*\.)'/g)].map((match) => match[1]!),
];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

describe('the message catalogues', () => {
  it('have the same keys in Dutch and English, each with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, text] of Object.entries(nl)) {
      expect({ key, placeholders: placeholders(en[key as keyof typeof en]) }).toEqual({
        key,
        placeholders: placeholders(text),
      });
    }
  });

  it('hold no key the app does not use', () => {
    const unused = Object.keys(nl).filter(
      (key) => !literals.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('hold every key the app writes out', () => {
    const catalogued = (key: string) => key in nl && key in en;
    // A written-out text with a catalogue's namespace is a key; file names and the like are not.
    const namespaces = new Set(Object.keys(nl).map((key) => key.split('.')[0]));
    const missing = [...literals].filter(
      (literal) => namespaces.has(literal.split('.')[0]) && !/\.(csv|json|html|pdf|png)$/.test(literal),
    );
    expect(missing.filter((key) => !catalogued(key) && !prefixes.includes(key))).toEqual([]);
  });

  it("word every next action the domain can give, with exactly the domain's parameters", () => {
    for (const code of NEXT_ACTION_CODES) expect(`action.${code}` in nl).toBe(true);
    for (const [key, parameters] of Object.entries(NEXT_ACTION_KEYS)) {
      for (const catalogue of [nl, en] as Record<string, string>[]) {
        const text = catalogue[`nextAction.${key}`];
        expect({ key, placeholders: text === undefined ? undefined : placeholders(text) }).toEqual({
          key,
          placeholders: [...parameters].sort(),
        });
      }
    }
  });

  it("word every reason a pillar applies for, with exactly the domain's parameters", () => {
    for (const [key, parameters] of Object.entries(PILLAR_REASON_KEYS)) {
      for (const catalogue of [nl, en] as Record<string, string>[]) {
        const text = catalogue[`pillarReason.${key}`];
        expect({ key, placeholders: text === undefined ? undefined : placeholders(text) }).toEqual({
          key,
          placeholders: [...parameters].sort(),
        });
      }
    }
  });

  it('name every event of the timeline', () => {
    for (const type of Object.keys(EVENT_SCHEMA_VERSIONS)) {
      expect({ type, nl: `event.${type}` in nl, en: `event.${type}` in en }).toEqual({
        type,
        nl: true,
        en: true,
      });
    }
  });

  it("name every closure reason, exemption reason and policy action status a refusal's parameters can hold", () => {
    const codes = [
      ...CLOSURE_REASONS.map((reason) => `closureReason.${reason}`),
      ...EXEMPTION_REASON_CODES.map((reason) => `exemptionReason.${reason}`),
      ...POLICY_ACTION_STATUSES.map((status) => `policyActionStatus.${status}`),
    ];
    expect(codes.filter((key) => !(key in nl) || !(key in en))).toEqual([]);
  });

  it('explain every target-group rule the domain can name', () => {
    const rules = [
      ...Object.keys(TARGET_GROUP_RULES),
      ...EXEMPTION_REASON_CODES.map((reason) => `EXEMPT_${reason}`),
    ];
    for (const rule of rules) {
      expect({ rule, nl: `rule.${rule}` in nl, en: `rule.${rule}` in en }).toEqual({
        rule,
        nl: true,
        en: true,
      });
    }
  });
});
