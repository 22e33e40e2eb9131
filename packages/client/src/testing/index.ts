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
export {
  createFakeSaasFetch,
  makeFakeImsToken,
  type FakeSaasFetch,
  type FakeFetchRequest,
  type FakeFetchReply,
  type FakeFetchHandler,
} from './fake-saas-fetch';
