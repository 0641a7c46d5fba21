import type { ClientTokenRule } from '@changeplane/core/adapter';

/** ROS ClientToken: up to 64 letters, digits, hyphens and underscores (CreateChangeSet and ExecuteChangeSet pages). */
export const rosClientTokenRule: ClientTokenRule = {
  field: 'clientToken',
  maxLength: 64,
  pattern: /^[A-Za-z0-9_-]+$/,
  charset: 'letters, digits, hyphens (-) and underscores (_)',
};
