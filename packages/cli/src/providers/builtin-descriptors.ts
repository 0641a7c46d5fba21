import { awsMarketplaceDescriptor } from '@changeplane/aws-marketplace/descriptor';
import type { ProviderDescriptor } from '@changeplane/core/adapter';
import { rosDescriptor } from '@changeplane/ros/descriptor';

/**
 * The providers this command drives. The only place that names them: everything else loops over
 * descriptors, so a third provider is one line here.
 */
export const builtinDescriptors: readonly ProviderDescriptor[] = [rosDescriptor, awsMarketplaceDescriptor];
