import { describe, expect, it } from 'vitest';
import { templateTextProblem } from './ros-template-text.js';

describe(templateTextProblem, () => {
  it.each([
    ['a JSON mapping', '{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {}}'],
    ['a JSON mapping after white space', '\n  {"Resources": {}}'],
    ['a JSON mapping that repeats a key (the last wins, as the service reads it)', '{"A": 1, "A": 2}'],
    ['a YAML flow mapping that is not JSON', '{ROSTemplateFormatVersion: 2015-09-01}'],
    ['a YAML block mapping', 'ROSTemplateFormatVersion: "2015-09-01"\nResources: {}\n'],
  ])('should accept %s', (_name, text) => {
    expect(templateTextProblem(text)).toBeUndefined();
  });

  it.each([
    ['broken JSON', '{not json', 'neither JSON nor YAML'],
    ['a JSON list', '[{"A": 1}]', 'mapping'],
    ['a JSON string', '"{}"', 'mapping'],
    ['a YAML list', '- a\n- b\n', 'mapping'],
  ])('should refuse %s', (_name, text, why) => {
    expect(templateTextProblem(text)).toContain(why);
  });
});
