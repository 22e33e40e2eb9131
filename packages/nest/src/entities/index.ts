import { ActivationEventEntity } from './activation-event.entity';
import { ActivationEntity } from './activation.entity';
import { ApiTokenEntity } from './api-token.entity';
import { IdentityLinkEntity } from './identity-link.entity';
import { SecurityEventEntity } from './security-event.entity';
import { SignInAttemptEntity } from './sign-in-attempt.entity';
import { StoreCallFailureEntity } from './store-call-failure.entity';
import { StoreEntity } from './store.entity';
import { VendorAccountEntity } from './vendor-account.entity';

/** Every entity of @magekit/nest: add them to the app's TypeORM `entities`. */
export const MAGEKIT_ENTITIES = [
  VendorAccountEntity,
  StoreEntity,
  ActivationEntity,
  ActivationEventEntity,
  IdentityLinkEntity,
  ApiTokenEntity,
  StoreCallFailureEntity,
  SignInAttemptEntity,
  SecurityEventEntity,
] as const;

export {
  ActivationEventEntity,
  ActivationEntity,
  ApiTokenEntity,
  IdentityLinkEntity,
  SecurityEventEntity,
  SignInAttemptEntity,
  StoreCallFailureEntity,
  StoreEntity,
  VendorAccountEntity,
};
