// What starting services on one machine needs (`pnpm start`'s supervisor), without the modules a service
// itself loads: the supervisor stays small for as long as the system runs.
export { generateSigningKeys } from './auth';
export { pinnedClock } from './clock';
export { embeddedDatabaseListening, embeddedSocketPath } from './embeddedServer';
