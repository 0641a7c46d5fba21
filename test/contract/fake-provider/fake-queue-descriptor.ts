import type { ProviderDescriptor } from '@changeplane/core/adapter';
import { type FakeQueueRequest, fakeQueueProviderId } from './fake-queue-request.js';
import type { FakeQueueSection } from './fake-queue-section.js';

/**
 * A third provider for the `changeplane` command, registered only by passing it in the descriptor list
 * (`main(argv, { descriptors: [...builtinDescriptors, fakeQueueDescriptor] })`).
 */
export const fakeQueueDescriptor: ProviderDescriptor<FakeQueueSection, FakeQueueRequest> = {
  id: fakeQueueProviderId,
  planSection: 'queues',
  title: 'Fake queues',
  options: [
    {
      key: 'endpoint',
      flag: '--queues-endpoint <url>',
      description: 'fake queue service endpoint',
      env: 'CHANGEPLANE_FAKE_QUEUES_ENDPOINT',
    },
  ],
  credentialSources: ['FAKE_QUEUES_KEY_ID / FAKE_QUEUES_SECRET'],
  load: async () => (await import('./fake-queue-runtime.js')).fakeQueueRuntime,
};
