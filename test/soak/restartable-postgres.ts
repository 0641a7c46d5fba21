import { startPrivatePostgres } from '../support/private-postgres.js';

/**
 * A PostgreSQL of the soak's own (never the machine's server), which the soak stops and starts again on the same
 * port and data folder to play a database restart.
 */
export async function startRestartablePostgres(): Promise<{
  url: string;
  restart: (downMs: number) => Promise<void>;
  stop: () => Promise<void>;
}> {
  const database = await startPrivatePostgres();
  return {
    url: database.url,
    restart: async (downMs) => {
      await database.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await database.start();
    },
    stop: () => database.remove(),
  };
}
