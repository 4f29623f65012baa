/**
 * The built-in demo network: a deterministic, seeded sample social network behind the
 * `Connector` interface, so a new user (and every test) sees the whole experience offline.
 */
export { createDemoAccount } from './account';
export * from './constants';
export {
  createDemoConnector,
  decodeDemoCursor,
  encodeDemoCursor,
  type DemoConnector,
  type DemoConnectorOptions,
} from './demo-connector';
export { generateDemoNetwork, type DemoNetwork } from './generate';
export { demoPersonHints, type DemoPersonHint } from './people';
