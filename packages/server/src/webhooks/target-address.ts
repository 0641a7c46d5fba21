import { lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { err, ok, type Result } from 'neverthrow';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

// Private, link-local (the cloud metadata address 169.254.169.254 among them), shared, unspecified and ULA ranges.
const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv6');
}

export type AddressKind = 'loopback' | 'private' | 'public';

/** What an address is, for the webhook target rule; IPv4-mapped IPv6 addresses count as their IPv4 address. */
export function addressKind(address: string): AddressKind {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (loopback.check(ip, family)) return 'loopback';
  if (privateRanges.check(ip, family)) return 'private';
  return 'public';
}

/** Why an address may not receive webhooks, or `undefined` when it may. */
export function refusedAddress(address: string, allowPrivate: boolean): string | undefined {
  if (addressKind(address) !== 'private' || allowPrivate) return undefined;
  return `${address} is a private address; the operator allows those with allowPrivateWebhookTargets`;
}

/** A receiver's URL: http or https, no user and password in it (they would be a secret kept in the clear). */
export function checkedWebhookUrl(text: string): Result<URL, string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err('the url is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return err('the url must be http or https');
  if (url.username || url.password) return err('the url must not carry a user or password');
  return ok(url);
}

/**
 * A DNS lookup for the delivery's socket that refuses private addresses: the check is on the address the socket
 * connects to, so a name that resolves elsewhere later (DNS rebinding) is caught at delivery time.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map((entry) => refusedAddress(entry.address, allowPrivate)).find(Boolean);
      if (refused) return callback(Object.assign(new Error(refused), { code: 'EWEBHOOKTARGET' }), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

/** Resolves a receiver's host now and says why it is refused, if it is (the check made when subscribing). */
export function checkTarget(url: URL, allowPrivate: boolean): Promise<string | undefined> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    lookup(host, { all: true }, (error, addresses) => {
      if (error) return resolve(`${host} does not resolve`);
      resolve(addresses.map((entry) => refusedAddress(entry.address, allowPrivate)).find(Boolean));
    });
  });
}
