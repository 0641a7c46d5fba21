import { describe, expect, it } from 'vitest';
import { checkTemplateStructure } from './ros-template.js';

const base = { ROSTemplateFormatVersion: '2015-09-01' };
const terraform = (workspace: unknown, extra: object = {}) => ({
  ...base,
  Transform: 'Aliyun::Terraform-v1.5',
  Workspace: workspace,
  ...extra,
});
const codeOf = (template: unknown) => {
  try {
    checkTemplateStructure(template);
    return 'accepted';
  } catch (error) {
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
};

describe('checkTemplateStructure', () => {
  it('should accept every section of the template structure page, empty ones included', () => {
    expect(
      codeOf({
        ...base,
        Description: { en: 'i18n', 'zh-cn': '描述' },
        Metadata: {},
        Parameters: null,
        Mappings: {},
        Conditions: {},
        Rules: {},
        Locals: {},
        Resources: {},
        Outputs: {},
      }),
    ).toBe('accepted');
  });

  it.each([
    ['no format version', { Resources: {} }, /^InvalidTemplateVersion/],
    ['another format version', { ROSTemplateFormatVersion: '2010-09-09' }, /^InvalidTemplateVersion/],
    ['an unknown section', { ...base, Hooks: {} }, /^InvalidTemplateSection: .*Hooks/],
    ['Resources as a list', { ...base, Resources: [] }, /^InvalidTemplateSection: .*Resources/],
    ['an unsupported Transform', { ...base, Transform: 'AWS::Serverless-2016-10-31' }, /Transform/],
    ['a Transform given by a function', { ...base, Transform: { Ref: 'T' } }, /Transform/],
    ['a Workspace without the Terraform transform', { ...base, Workspace: { 'main.tf': '' } }, /Workspace/],
    ['a Terraform template without Workspace', { ...base, Transform: 'Aliyun::Terraform-v1.2' }, /Workspace/],
    ['a Terraform template with Resources', terraform({ 'main.tf': '' }, { Resources: {} }), /Resources/],
    ['an empty Workspace', terraform({}), /empty/],
    ['51 Workspace files', terraform(Object.fromEntries(Array.from({ length: 51 }, (_, n) => [`f${n}.tf`, '']))), /50/],
    ['an absolute Workspace path', terraform({ '/main.tf': '' }), /relative/],
    ['a Workspace path 6 levels deep', terraform({ 'a/b/c/d/e/main.tf': '' }), /5 levels/],
    ['a Workspace file that is not text', terraform({ 'main.tf': { resource: {} } }), /text/],
  ])('should refuse %s', (_, template, expected) => {
    expect(codeOf(template)).toMatch(expected);
  });

  it('should accept Terraform workspaces at their limits, with the files real templates carry', () => {
    const fifty = Object.fromEntries(Array.from({ length: 49 }, (_, n) => [`modules/m${n}/main.tf`, '']));
    expect(codeOf(terraform({ 'main.tf': '', ...fifty }))).toBe('accepted');
    expect(codeOf(terraform({ 'a/b/c/d/main.tf': '', '.metadata': '{}', 'scripts/x.sh': '' }))).toBe('accepted');
    expect(codeOf({ ...base, Transform: 'Aliyun::Terraform-2020-06-18', Workspace: { 'main.tf': '' } })).toBe(
      'accepted',
    );
  });
});
