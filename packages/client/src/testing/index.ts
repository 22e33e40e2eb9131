export { FakeMagentoServer, startFakeMagento } from './fake-magento-server';
export { FakeOAuthState } from './fake-oauth-state';
export type {
  FakeCredentials,
  FakeExpectation,
  FakeHandler,
  FakeMagentoOptions,
  FakeRequest,
  FakeResponse,
} from './fake-magento-types';
export { createManualClock, createRecordingSleep, type ManualClock } from './test-time';
export { failureOf } from './failure-of';
