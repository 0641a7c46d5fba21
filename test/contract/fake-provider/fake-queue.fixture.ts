import { type ProviderFixture, providersFrom, wrongSecret } from '../provider-fixture.js';
import { FakeQueueProvider } from './fake-queue-provider.js';
import type { FakeQueueRequest } from './fake-queue-request.js';
import { FakeQueueService } from './fake-queue-service.js';

/** The contract suite's fixture for the fake third provider, on its in-process service. */
export const fakeQueueFixture: ProviderFixture<FakeQueueRequest> = {
  name: 'fake-queues',
  async setUp() {
    const service = new FakeQueueService(150);
    const build = (secret = service.credentials.secret) =>
      new FakeQueueProvider(service.endpoint, { keyId: service.credentials.keyId, secret });
    let counter = 0;
    const validRequest = async (): Promise<FakeQueueRequest> => {
      counter += 1;
      return { name: `contract-${counter}`, changes: [{ queue: `queue-${counter}`, action: 'create', size: 1 }] };
    };
    return {
      ...providersFrom<FakeQueueRequest>(build),
      validRequest,
      cancellableRequest: validRequest,
      invalidRequest: () => ({ name: '-bad', changes: [] }),
      secrets: [service.credentials.secret, wrongSecret],
      tearDown: () => service.close(),
    };
  },
};
