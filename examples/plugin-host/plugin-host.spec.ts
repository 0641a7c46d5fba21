import { startMarketplaceEmulator, startRosEmulator } from '@changeplane/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPluginHost, startPluginHost } from './plugin-host.js';

describe('examples/plugin-host', () => {
  let host: RunningPluginHost;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const ros = await startRosEmulator();
    // The catalog has the entity the bot updates, as the service would.
    const marketplace = await startMarketplaceEmulator({
      seed: { entities: [{ type: 'SaaSProduct@1.0', identifier: 'prod-bot' }] },
    });
    host = await startPluginHost([
      {
        module: '@changeplane/ros',
        factory: 'rosModule',
        options: {
          regionId: ros.regionId,
          endpoint: ros.endpoint,
          credentials: ros.credentials,
        },
      },
      {
        module: '@changeplane/aws-marketplace',
        factory: 'awsMarketplaceModule',
        options: { region: marketplace.region, endpoint: marketplace.endpoint, credentials: marketplace.credentials },
      },
    ]);
    close = async () => {
      await host.close();
      await Promise.all([ros.close(), marketplace.close()]);
    };
  });
  afterAll(async () => {
    await close();
  });

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${host.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('should load both adapters as plugins', async () => {
    const response = await fetch(`${host.url}/providers`);
    expect(await response.json()).toEqual({ providers: ['alibaba-ros', 'aws-marketplace'] });
  });

  it('should start a change set for a bot and let it follow it to succeeded', async () => {
    const started = await post('/change-sets', {
      provider: 'aws-marketplace',
      request: {
        changes: [
          {
            changeType: 'UpdateInformation',
            entity: { type: 'SaaSProduct@1.0', identifier: 'prod-bot' },
            details: { ProductTitle: 'bot' },
          },
        ],
      },
    });
    expect(started.status).toBe(202);
    let state: { status: string } = { status: 'running' };
    for (let poll = 0; poll < 100 && state.status === 'running'; poll += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await post('/change-sets/describe', { ref: started.body.ref })).body.state as { status: string };
    }
    expect(state.status).toBe('succeeded');
  });

  it('should refuse the StartChangeSet seed example with 400 and the issues', async () => {
    const change = {
      changeType: 'AddRevisions',
      entity: { type: 'DataProduct@1.0', identifier: 'entity-id@1' },
      details: '{"DataSetArn": "data-set-arn", "RevisionArns": ["revision-arn"]}',
    };
    const refused = await post('/change-sets', { provider: 'aws-marketplace', request: { changes: [change, change] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ kind: 'validation' });
  });

  it('should answer 404 for a provider that was not loaded', async () => {
    const refused = await post('/change-sets', { provider: 'gcp', request: {} });
    expect(refused.status).toBe(404);
  });
});
