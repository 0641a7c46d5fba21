import { ListChangeSetsCommand, type ListChangeSetsCommandOutput } from '@aws-sdk/client-marketplace-catalog';
import { emulatorClients } from '../support/emulator-clients.js';
import { sleep } from './serve-fleet.js';

/** One change set as the Marketplace emulator lists it. */
export interface ListedChangeSet {
  readonly id: string;
  readonly status: string;
  readonly entities: readonly string[];
}

/**
 * Every change set the Marketplace emulator holds, from its own ListChangeSets (20 a page, the documented
 * maximum), waiting out its documented rate (5 a second) when it throttles.
 */
export async function listedChangeSets(environment: Record<string, string>): Promise<ListedChangeSet[]> {
  const { marketplace } = emulatorClients(environment, 1);
  const all: ListedChangeSet[] = [];
  let next: string | undefined;
  do {
    let page: ListChangeSetsCommandOutput;
    try {
      page = await marketplace.send(
        new ListChangeSetsCommand({ Catalog: 'AWSMarketplace', MaxResults: 20, ...(next ? { NextToken: next } : {}) }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ThrottlingException') throw error;
      await sleep(250);
      continue;
    }
    for (const item of page.ChangeSetSummaryList ?? [])
      all.push({ id: item.ChangeSetId ?? '', status: item.Status ?? '', entities: item.EntityIdList ?? [] });
    next = page.NextToken;
  } while (next);
  return all;
}
