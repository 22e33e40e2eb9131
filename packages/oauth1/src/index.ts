export { signRequest } from './sign';
export type { SignInput, SignOptions, SignedRequest } from './sign-input';
export type { SignatureMethod } from './magento-oauth';
export { generateNonce, MAX_NONCE_LENGTH } from './nonce';
export { OAuth1Error, type OAuth1ErrorCode } from './oauth1-error';
export { SIGNATURE_PROFILES, PROFILE_VERSIONS, isSignatureProfile, type SignatureProfile } from './profiles';
export {
  MAGENTO_PROBLEMS,
  renderPhrase,
  type MagentoProblem,
  type MagentoProblemCode,
  type MagentoExceptionKind,
} from './magento-problems';
export { verifyRequest } from './verify';
export type {
  VerifyInput,
  VerifyKind,
  VerifyOptions,
  VerifyResult,
  VerifyStore,
  OAuthConsumerRecord,
  OAuthTokenRecord,
  RestErrorBody,
} from './verify-types';
export { parseAuthorizationHeader, formatAuthorizationHeader } from './authorization-header';
export { explainRequest } from './explain';
export type { ExplainInput, RequestExplanation, ProfileExplanation, ExplainedParameter } from './explain';
