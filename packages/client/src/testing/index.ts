export { FakeMagentoServer, startFakeMagento } from './fake-magento-server';
export { FakeOAuthState } from './fake-oauth-state';
export type { FakeCredentials, FakeExpectation, FakeHandler, FakeMagentoOptions, FakeRequest, FakeResponse } from './fake-magento-types';
