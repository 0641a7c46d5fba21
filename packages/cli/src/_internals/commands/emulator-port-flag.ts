import type { ProviderDescriptor } from '@changeplane/core/adapter';

/** The `changeplane emulators` flag that sets where a provider's emulator listens: `--ros-port <port>`. */
export const emulatorPortFlag = (descriptor: ProviderDescriptor) => `--${descriptor.planSection}-port <port>`;
