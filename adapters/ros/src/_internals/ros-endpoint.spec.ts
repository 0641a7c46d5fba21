import { isChangeSetError } from '@changeplane/core';
import { describe, expect, it } from 'vitest';
import { RosProvider } from '../ros-provider.js';
import { parseRosEndpoint } from './ros-endpoint.js';

const credentials = { accessKeyId: 'LTAIEndpointSpec0001', accessKeySecret: 'endpoint-spec-secret-0001' };

describe(parseRosEndpoint, () => {
  it.each([
    ['http://127.0.0.1:8080', 'http', '127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http', '127.0.0.1:8080'],
    ['https://ros.aliyuncs.com', 'https', 'ros.aliyuncs.com'],
    ['HTTPS://ROS.aliyuncs.com:8443', 'https', 'ros.aliyuncs.com:8443'],
    ['ros.aliyuncs.com', 'https', 'ros.aliyuncs.com'],
    ['127.0.0.1:8080', 'https', '127.0.0.1:8080'],
    ['[::1]:8080', 'https', '[::1]:8080'],
  ])('should read %s as %s to %s', (endpoint, protocol, host) => {
    expect(parseRosEndpoint(endpoint)._unsafeUnwrap()).toEqual({ protocol, host });
  });

  it('should take the protocol option for host:port, and accept it repeating a URL scheme', () => {
    expect(parseRosEndpoint('127.0.0.1:8080', 'http')._unsafeUnwrap()).toEqual({
      protocol: 'http',
      host: '127.0.0.1:8080',
    });
    expect(parseRosEndpoint('http://127.0.0.1:8080', 'http')._unsafeUnwrap().protocol).toBe('http');
  });

  it.each([
    'http//127.0.0.1:8080', // the old failure: read as host "http"
    'ftp://ros.aliyuncs.com',
    'https://ros.aliyuncs.com/v1',
    'https://ros.aliyuncs.com?x=1',
    'https://key:secret@ros.aliyuncs.com',
    'ros.aliyuncs.com/path',
    'ros aliyuncs.com',
    '',
  ])('should refuse %j naming endpoint and the rule', (endpoint) => {
    const error = parseRosEndpoint(endpoint)._unsafeUnwrapErr();
    expect(error).toMatchObject({
      kind: 'validation',
      provider: 'alibaba-ros',
      issues: [{ path: 'endpoint', rule: 'http(s)-url-or-host-port' }],
    });
    expect(error.message).toContain('an http(s) URL such as https://ros.aliyuncs.com');
  });

  it('should refuse a protocol that contradicts the URL, naming protocol', () => {
    expect(parseRosEndpoint('http://127.0.0.1:8080', 'https')._unsafeUnwrapErr().issues).toEqual([
      expect.objectContaining({ path: 'protocol', rule: 'matches-endpoint' }),
    ]);
  });
});

describe('RosProvider endpoint', () => {
  it('should be built from a URL or host:port', () => {
    expect(RosProvider.fromOptions({ endpoint: 'http://127.0.0.1:8080', credentials }).id).toBe('alibaba-ros');
    expect(RosProvider.fromOptions({ endpoint: 'https://ros.aliyuncs.com', credentials }).id).toBe('alibaba-ros');
    expect(RosProvider.fromOptions({ endpoint: '127.0.0.1:8080', protocol: 'http', credentials }).id).toBe(
      'alibaba-ros',
    );
  });

  it('should refuse anything else at construction with the typed validation error, before any call', () => {
    let thrown: unknown;
    try {
      RosProvider.fromOptions({ endpoint: 'http//127.0.0.1:8080', credentials });
    } catch (error) {
      thrown = error;
    }
    expect(isChangeSetError(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      kind: 'validation',
      operation: 'configure',
      issues: [{ path: 'endpoint', rule: 'http(s)-url-or-host-port' }],
    });
  });
});
