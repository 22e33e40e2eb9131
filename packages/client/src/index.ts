export { MagentoClientError, isMagentoClientError, type MagentoClientErrorCode, type MagentoClientErrorOptions, type MagentoMessage } from './errors/magento-client-error';
export { classifyMagentoMessage, classifyStatus, type MessageClass } from './errors/classify-magento-message';
export { parseRestError } from './errors/parse-rest-error';
export { parseFormBody } from './handshake/parse-form-body';
export { parseRequestTokenResponse, parseAccessTokenResponse, type OAuthTokenPair } from './handshake/parse-token-response';
export { parseActivationCallback, type ActivationCallback } from './handshake/parse-activation-callback';
export { requestRequestToken, requestAccessToken, exchangeTokens, type HandshakeOptions, type AccessTokenOptions, type SkewState } from './handshake/request-tokens';
export { estimateClockSkew } from './http/clock-skew';
export type { Clock, Sleep, SetTimer, FetchLike } from './http/side-effects';
