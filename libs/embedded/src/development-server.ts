/**
 * The embedded PostgreSQL and S3 servers are development tools (devDependencies): the production
 * image is built with `npm prune --omit=dev` and does not contain them, nor what they bring in.
 * Started there without DATABASE_URL / S3_ENDPOINT, the platform says so in one sentence.
 */
export function notInstalled(pkg: string, variable: string, err: unknown): never {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
    throw new Error(`The embedded server ${pkg} is a development tool and is not installed here (a production image): set ${variable}.`);
  }
  throw err;
}

export function requireDevelopmentServer<T>(pkg: string, variable: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(pkg) as T;
  } catch (err) {
    return notInstalled(pkg, variable, err);
  }
}
