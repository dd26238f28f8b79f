import { ensurePortalBuilt } from '../build';

/** The browser tests load the built portal from the gateway: build it once per run when the sources changed. */
export default async function setup(): Promise<void> {
  await ensurePortalBuilt();
}
