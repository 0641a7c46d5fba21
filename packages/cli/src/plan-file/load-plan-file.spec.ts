import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { planFileLimits } from '../_internals/plan-file/plan-file-limits.js';
import { loadPlanFile } from './load-plan-file.js';
import type { PlanFile } from './plan-file-schema.js';

const schema = z
  .object({ version: z.literal(1), data: z.unknown().optional() })
  .strict() as unknown as z.ZodType<PlanFile>;
const file = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'plan-')), name);
  writeFileSync(path, text);
  return path;
};

describe(loadPlanFile, () => {
  describe('having a valid YAML or JSON file', () => {
    it('should return the checked plan', async () => {
      expect((await loadPlanFile(file('p.yaml', 'version: 1\ndata: [1, 2]\n'), schema))._unsafeUnwrap()).toEqual({
        version: 1,
        data: [1, 2],
      });
      expect((await loadPlanFile(file('p.json', '{"version":1}'), schema))._unsafeUnwrap()).toEqual({ version: 1 });
    });
  });

  describe('having ROS short forms', () => {
    it('should read each as its long form, on scalars, sequences and mappings', async () => {
      const text = [
        'version: 1',
        'data:',
        '  ref: !Ref Vpc',
        '  att: !GetAtt Lb.SourceSecurityGroup.OwnerAlias',
        '  attList: !GetAtt [Vpc, VpcId]',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: ROS Fn::Sub text, not a JS template
        "  sub: !Sub ['${A}-x', {A: !Ref Name}]",
        '  b64: !Base64Encode {Fn::Sub: x}',
        "  azs: !Select [0, !GetAZs '']",
        '  cond: !If [IsProd, !Join [",", [a, b]], !Ref ALIYUN::NoValue]',
        '  plain: !!str 12',
        '',
      ].join('\n');
      expect((await loadPlanFile(file('p.yaml', text), schema))._unsafeUnwrap().data).toEqual({
        ref: { Ref: 'Vpc' },
        att: { 'Fn::GetAtt': ['Lb', 'SourceSecurityGroup.OwnerAlias'] },
        attList: { 'Fn::GetAtt': ['Vpc', 'VpcId'] },
        // biome-ignore lint/suspicious/noTemplateCurlyInString: ROS Fn::Sub text, not a JS template
        sub: { 'Fn::Sub': ['${A}-x', { A: { Ref: 'Name' } }] },
        b64: { 'Fn::Base64Encode': { 'Fn::Sub': 'x' } },
        azs: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
        cond: { 'Fn::If': ['IsProd', { 'Fn::Join': [',', ['a', 'b']] }, { Ref: 'ALIYUN::NoValue' }] },
        plain: '12',
      });
    });

    it('should still find a duplicate key inside a tagged mapping', async () => {
      const loaded = await loadPlanFile(file('p.yaml', 'version: 1\ndata: !Base64Encode {a: 1, a: 2}\n'), schema);
      expect(loaded._unsafeUnwrapErr()[0]).toMatchObject({ rule: 'duplicate_key' });
    });
  });

  describe("having a tag that is neither a ROS short form nor YAML's", () => {
    it('should refuse it naming line, column and tag', async () => {
      for (const value of ['!Reff Vpc', '!Foo [1]', '!Bar {a: 1}']) {
        const loaded = await loadPlanFile(file('p.yaml', `version: 1\ndata:\n  x: ${value}\n`), schema);
        expect(loaded._unsafeUnwrapErr()[0]).toMatchObject({
          rule: 'unknown_tag',
          path: 'data.x',
          message: expect.stringMatching(new RegExp(`^line 3, column 6: unknown YAML tag ${value.split(' ')[0]}:`)),
        });
      }
    });
  });

  describe('having an unknown tag deep in a list', () => {
    it('should name its field', async () => {
      const loaded = await loadPlanFile(file('p.yaml', 'version: 1\ndata:\n  - a\n  - {b: [1, !Nope 2]}\n'), schema);
      expect(loaded._unsafeUnwrapErr()[0]).toMatchObject({ path: 'data[1].b[1]', rule: 'unknown_tag' });
    });
  });

  describe('having a duplicate key', () => {
    it('should name it with its path', async () => {
      const loaded = await loadPlanFile(file('p.yaml', 'version: 1\ndata:\n  a: 1\n  b: 2\n  a: 3\n'), schema);
      expect(loaded._unsafeUnwrapErr()[0]).toMatchObject({ path: 'data.a', rule: 'duplicate_key' });
    });
  });

  describe('having nesting past the limit', () => {
    it('should refuse YAML and JSON alike, without overflowing the stack', async () => {
      const depth = planFileLimits.maxDepth + 5;
      const yaml = await loadPlanFile(
        file('p.yaml', `version: 1\ndata: ${'['.repeat(depth)}${']'.repeat(depth)}\n`),
        schema,
      );
      expect(yaml._unsafeUnwrapErr()[0]).toMatchObject({ rule: 'max_depth' });
      const deep = `${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}`;
      const json = await loadPlanFile(file('p.json', `{"version":1,"data":${deep}}`), schema);
      expect(json._unsafeUnwrapErr()[0]).toMatchObject({ rule: 'max_depth' });
    });

    it('should accept nesting at the limit', async () => {
      const depth = planFileLimits.maxDepth - 2;
      const loaded = await loadPlanFile(
        file('p.yaml', `version: 1\ndata: ${'['.repeat(depth)}${']'.repeat(depth)}\n`),
        schema,
      );
      expect(loaded.isOk()).toBe(true);
    });
  });

  describe('having a file larger than the limit', () => {
    it('should refuse it before reading it', async () => {
      const big = file('p.yaml', `version: 1\ndata: "${'x'.repeat(planFileLimits.maxBytes)}"\n`);
      expect((await loadPlanFile(big, schema))._unsafeUnwrapErr()[0]).toMatchObject({ rule: 'max_bytes' });
    });
  });

  describe('having a file that does not parse or does not exist', () => {
    it('should say which', async () => {
      expect((await loadPlanFile(file('p.yaml', 'version: [1\n'), schema))._unsafeUnwrapErr()[0]!.message).toContain(
        'not valid YAML',
      );
      expect((await loadPlanFile('/nowhere/p.yaml', schema))._unsafeUnwrapErr()[0]!.message).toContain('no such file');
    });
  });
});
