import { type ValidationError, type ValidationIssue } from '@changeplane/core';
import { createValidationError } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import { rosProviderId } from './ros-provider-id.js';

/** Where the SDK client sends requests: its `endpoint` (host[:port]) and `protocol` settings. */
export interface RosEndpoint {
  readonly host: string;
  readonly protocol: 'http' | 'https';
}

/** Where ROS requests go when no endpoint is configured. */
export const defaultRosEndpoint = 'https://ros.aliyuncs.com';

const rule = 'http(s)-url-or-host-port';
const expected = 'an http(s) URL such as https://ros.aliyuncs.com or http://127.0.0.1:8080, or host[:port]';

const issue = (path: string, ruleName: string, message: string): ValidationIssue => ({
  path,
  rule: ruleName,
  message,
});

/** `value` as a URL of its own, or as `host[:port]` read as one; undefined when neither reads. */
function readUrl(value: string): URL | undefined {
  try {
    return new URL(value.includes('://') ? value : `https://${value}`);
  } catch {
    return undefined;
  }
}

/** The URL holds only a scheme, host and port: anything else would be dropped or misread by the SDK. */
function isOrigin(url: URL): boolean {
  return url.username === '' && url.password === '' && url.pathname === '/' && !url.search && !url.hash;
}

/**
 * The ROS endpoint as the SDK client takes it. Accepts an http(s) URL (what the emulators hand out) and
 * `host[:port]` (the SDK's own form, with `protocol` or HTTPS); refuses anything else, naming the field and
 * the rule, so a typo never turns into a host such as `http` that fails only after retries.
 */
export function parseRosEndpoint(
  endpoint: string,
  protocol?: 'http' | 'https',
  operation = 'configure',
): Result<RosEndpoint, ValidationError> {
  const url = readUrl(endpoint.trim());
  const hostOnly = !endpoint.includes('://');
  const valid =
    url !== undefined &&
    ['http:', 'https:'].includes(url.protocol) &&
    isOrigin(url) &&
    url.hostname !== '' &&
    (!hostOnly || endpoint.trim().toLowerCase() === url.host || endpoint.trim().toLowerCase() === `${url.host}:443`);
  if (!valid) {
    return err(
      createValidationError(rosProviderId, operation, [
        issue('endpoint', rule, `${JSON.stringify(endpoint)} is not ${expected}`),
      ]),
    );
  }
  const scheme = hostOnly ? (protocol ?? 'https') : url.protocol === 'http:' ? 'http' : 'https';
  if (protocol !== undefined && protocol !== scheme) {
    return err(
      createValidationError(rosProviderId, operation, [
        issue('protocol', 'matches-endpoint', `protocol ${protocol} contradicts the endpoint ${endpoint} (${scheme})`),
      ]),
    );
  }
  return ok({ host: url.host, protocol: scheme });
}
