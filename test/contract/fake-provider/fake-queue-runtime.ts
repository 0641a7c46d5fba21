import {
  type EmulatorSpeed,
  type EmulatorWiring,
  type ProviderRuntime,
  startEmulatorConnection,
} from '@changeplane/core/adapter';
import { FakeQueueProvider } from './fake-queue-provider.js';
import type { FakeQueueRequest } from './fake-queue-request.js';
import { type FakeQueueSection, fakeQueueSectionSchema } from './fake-queue-section.js';
import { FakeQueueService } from './fake-queue-service.js';
import { fakeQueueTargets } from './fake-queue-targets.js';

const runMsOf: Readonly<Record<EmulatorSpeed, number>> = { demo: 1_000, fast: 40, slow: 10_000 };

/** Where the fake provider finds its service and key: `--queues-endpoint` or the environment. */
export const fakeQueueEnvironment = {
  endpoint: 'CHANGEPLANE_FAKE_QUEUES_ENDPOINT',
  keyId: 'FAKE_QUEUES_KEY_ID',
  secret: 'FAKE_QUEUES_SECRET',
} as const;

/** The loaded half of the fake descriptor: every member of core's `ProviderRuntime`, nothing else. */
export const fakeQueueRuntime: ProviderRuntime<FakeQueueSection, FakeQueueRequest> = {
  sectionSchema: fakeQueueSectionSchema,
  toTargets: fakeQueueTargets,
  async resolveConnection({ options, section, env }) {
    const endpoint = options.endpoint ?? (section as FakeQueueSection | undefined)?.endpoint;
    const searched = ['--queues-endpoint', fakeQueueEnvironment.endpoint, 'the plan section'];
    if (!endpoint) return { found: false, searched };
    if (!env[fakeQueueEnvironment.keyId] || !env[fakeQueueEnvironment.secret])
      return {
        found: false,
        problem: `${fakeQueueEnvironment.keyId} and ${fakeQueueEnvironment.secret} are needed`,
        searched,
      };
    return {
      found: true,
      record: { endpoint, credentialSource: fakeQueueEnvironment.keyId, emulator: false, settings: {} },
    };
  },
  async connect(record) {
    const provider = new FakeQueueProvider(record.endpoint, {
      keyId: process.env[fakeQueueEnvironment.keyId] ?? '',
      secret: process.env[fakeQueueEnvironment.secret] ?? '',
    });
    return { record, provider, dispose: async () => {} };
  },
  startEmulator: (speed, options) =>
    startEmulatorConnection(
      {
        // In process: host and port do not apply.
        start: async () => new FakeQueueService(runMsOf[speed]),
        wire: (service): EmulatorWiring<FakeQueueRequest> => ({
          provider: new FakeQueueProvider(service.endpoint, service.credentials),
          settings: {},
          environment: {
            [fakeQueueEnvironment.endpoint]: service.endpoint,
            [fakeQueueEnvironment.keyId]: service.credentials.keyId,
            [fakeQueueEnvironment.secret]: service.credentials.secret,
          },
        }),
      },
      options,
    ),
};
