// Module hooks that make @duckdb/node-api unresolvable, as on a machine where the optional peer is not installed.
export async function resolve(specifier, context, next) {
  if (specifier === '@duckdb/node-api') {
    throw Object.assign(new Error(`Cannot find package '@duckdb/node-api' imported from ${context.parentURL}`), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}
