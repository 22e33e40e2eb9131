import { ImsCredentialEntity } from './ims-credential.entity';
import { ImsTokenEntity } from './ims-token.entity';

/** The SaaS edition's tables (created in every edition; only the SaaS edition uses them). */
export const SAAS_ENTITIES = [ImsCredentialEntity, ImsTokenEntity];
