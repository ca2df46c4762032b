// The probes module: wait until a service is ready, and spot targets already
// taken before it starts. Depends only on Node and config/ types.
export { waitUntilReady, type PendingProbe, type WaitOptions, type WaitResult } from './wait.js';
export { findTakenTargets, type TakenTarget } from './port-in-use.js';
export { describePending, describeProbe } from './describe.js';
export { describeListenTarget, listenTargetsOf, waitUntilClosed, type ListenTarget } from './listening.js';
