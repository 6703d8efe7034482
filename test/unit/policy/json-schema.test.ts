// docs/policy.schema.json is made from the zod schema: this test fails when the committed file is out
// of date (UPDATE_POLICY_SCHEMA=1 rewrites it), and checks that docs/policy.md's examples are valid.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_SCHEMA_ID, policyJsonSchema, policySchema } from '../../../core/policy/schema.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const DOCS = path.join(ROOT, 'docs');
const SCHEMA_FILE = path.join(DOCS, 'policy.schema.json');

describe('docs/policy.schema.json', () => {
  const generated = policyJsonSchema();
  if (process.env.UPDATE_POLICY_SCHEMA) {
    writeFileSync(SCHEMA_FILE, `${JSON.stringify(generated, null, 2)}\n`);
    // In the repository's own JSON style, so that `npm run lint` agrees with the file.
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', SCHEMA_FILE]);
  }

  it('is what core/policy/schema.ts generates (UPDATE_POLICY_SCHEMA=1 to rewrite)', () => {
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toStrictEqual(generated);
  });

  it('describes the policy: strict objects, no plain-text security, fingerprint pattern', () => {
    const schema = JSON.parse(JSON.stringify(generated));
    expect(schema.$id).toBe(POLICY_SCHEMA_ID);
    expect(schema.additionalProperties).toBe(false);
    const server = schema.properties.presets.items.properties.incoming.items;
    expect(server.properties.security.enum).toEqual(['tls', 'starttls']);
    const pin = schema.properties.trustedCertificates.items.properties.sha256;
    expect(new RegExp(pin.pattern).test('ab'.repeat(32))).toBe(true);
    expect(new RegExp(pin.pattern).test('ab'.repeat(31))).toBe(false);
  });
});

describe('docs/policy.md', () => {
  const page = readFileSync(path.join(DOCS, 'policy.md'), 'utf8');
  const examples = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((example, index) => [index, example]))(
    'example %i is a valid policy',
    (_index, example) => {
      const result = policySchema('en').safeParse(JSON.parse(example));
      expect(result.success ? [] : result.error.issues).toEqual([]);
    },
  );
});
