import type { EmulatorServerOptions } from '../shared/emulator-server-options.js';
import type { RosSeed } from './ros-seed.js';

/** A key pair the ROS emulator accepts. */
export interface RosCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** Options of startRosEmulator. */
export interface RosEmulatorOptions extends EmulatorServerOptions {
  /** Accepted key pairs; default one fixed emulator-only pair. */
  readonly credentials?: readonly RosCredentials[];
  /** CREATE_PENDING -> CREATE_COMPLETE takes `createMs`; a stack's IN_PROGRESS -> COMPLETE takes `executeMs`. Default 50 / 100. */
  readonly timing?: { readonly createMs?: number; readonly executeMs?: number };
  readonly limits?: {
    /** Change sets one stack may hold; default 20 (the CreateChangeSet page). */
    readonly changeSetsPerStack?: number;
    /** Stacks (not deleted) one account may hold, every region counted; default 200 (the CreateStack page). */
    readonly stacksPerAccount?: number;
    /** Requests per second per AccessKeyId; default unlimited. */
    readonly requestsPerSecond?: number;
  };
  /**
   * The `ros:` section of a seed file: the stacks the account holds from the start and after a reset
   * (`checkRosSeed` names every issue by its path).
   */
  readonly seed?: RosSeed;
  /** Templates by TemplateId (a TemplateId not listed answers TemplateNotFound). */
  readonly templates?: Readonly<Record<string, string>>;
}

/** The key pair the ROS emulator accepts when none is given. */
export const defaultRosCredentials: RosCredentials = {
  accessKeyId: 'LTAIEmulatorExample01',
  accessKeySecret: 'emulator-access-key-secret-for-tests-0001',
};
