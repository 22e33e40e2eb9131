export { signRequest } from './sign';
export type { SignInput, SignOptions, SignedRequest } from './sign-input';
export { buildSigningKey, computeSignature, type SignatureMethod } from './hmac';
export { generateNonce, MAX_NONCE_LENGTH } from './nonce';
export { OAuth1Error, type OAuth1ErrorCode } from './oauth1-error';
export { SIGNATURE_PROFILES, PROFILE_VERSIONS, isSignatureProfile, type SignatureProfile } from './profiles';
export { buildMagentoRequestUrl } from './request-url';
export { MAGENTO_PROBLEMS, findMagentoProblem, renderPhrase, statusForKind, type MagentoProblem, type MagentoExceptionKind } from './magento-problems';
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
export { explainRequest, type ExplainInput, type RequestExplanation, type ProfileExplanation, type ExplainedParameter } from './explain';
export { diffBaseStrings, type BaseStringDiff } from './diff';
