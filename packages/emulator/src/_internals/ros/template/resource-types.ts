const name = '[A-Za-z0-9]+';

/**
 * The resource-type shapes a template may declare: `ALIYUN::Service::Resource`, `ALIYUN::RandomString`,
 * data sources `DATASOURCE::Service::Resource`, modules `MODULE::Organization::Service::Usage`, custom resources
 * `Custom::Name`, and, under `Transform: Aliyun::Serverless-2018-04-03`, `Aliyun::Serverless::Type[::Sub]`.
 */
const shapes = [
  new RegExp(`^ALIYUN::${name}::${name}$`),
  /^ALIYUN::RandomString$/,
  new RegExp(`^DATASOURCE::${name}::${name}$`),
  new RegExp(`^MODULE::${name}::${name}::${name}$`),
  /^Custom::[A-Za-z0-9_@-]{1,60}$/,
];
const serverless = new RegExp(`^Aliyun::Serverless::${name}(::${name})?$`);

export function isResourceType(type: unknown, transform: unknown): type is string {
  if (typeof type !== 'string') return false;
  if (shapes.some((shape) => shape.test(type))) return true;
  return transform === 'Aliyun::Serverless-2018-04-03' && serverless.test(type);
}

/** A data source type (what a `Locals` entry may declare besides `Eval`). */
export const isDataSourceType = (type: unknown): type is string =>
  typeof type === 'string' && new RegExp(`^DATASOURCE::${name}::${name}$`).test(type);
