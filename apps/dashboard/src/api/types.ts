/**
 * Shapes of the integration service's admin API (`/api`, @magekit/nest), as the dashboard reads them:
 * aliases over `admin-api.generated.ts`, which openapi-typescript generates from the OpenAPI document
 * of the Nest DTOs (packages/nest/openapi/admin-api.json). Regenerate both with
 * `npx nx run dashboard:api-types`; `npx nx run dashboard:api-types-check` (run by the tests) fails
 * when they are stale.
 */
import type { components, operations } from './admin-api.generated';

type Schemas = components['schemas'];
type QueryOf<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;

export type Store = Schemas['StoreDto'];
export type StoreStatus = Store['status'];
/** `oauth1` (an integration activated by the OAuth 1.0a handshake) or `ims` (an Adobe IMS credential). */
export type StoreAuthKind = Store['authKind'];
/** `saas` (Adobe Commerce as a Cloud Service) or `paas`. */
export type StoreEdition = Store['edition'];
/** An IMS store's credential as the API shows it (never the secret). */
export type ImsCredential = Schemas['ImsCredentialDto'];
export type StoreViewFacts = Schemas['StoreViewFactsDto'];
export type StoreFacts = Schemas['StoreFactsDto'];
export type VendorAccount = Schemas['VendorAccountDto'];

/** One page of a list (`StorePageDto` with its items' type). */
export type Page<T> = Omit<Schemas['StorePageDto'], 'items'> & { items: T[] };

export type TokenHealth = Schemas['TokenHealthDto'];
export type TokenHealthState = TokenHealth['state'];
export type ResourceCheck = Schemas['ResourceCheckDto'];
export type ResourceReport = Schemas['ResourceReportDto'];
export type StoreDetail = Schemas['StoreDetailDto'];

export type ActivationEvent = Schemas['ActivationEventDto'];
/** One activation; its events oldest first. */
export type Activation = Schemas['ActivationDto'];
export type FailedCall = Schemas['FailedCallDto'];
export type ActivityDay = Schemas['ActivityDayDto'];
export type Activity = Schemas['ActivityDto'];
/** `GET /api/stats/stores`: stores in all and per status. */
export type StoreCounts = Schemas['StoreCountsDto'];
export type ProbeResult = Schemas['ProbeResultDto'];
/** `POST /api/stores/saas`: a SaaS store's tenant URL and IMS credential. */
export type SaasStoreInput = Schemas['RegisterSaasStoreDto'];
/** What a SaaS registration did: created or credential replaced, the first probe, the store. */
export type SaasRegistration = Schemas['SaasRegistrationDto'];

/** `GET /api/stores` parameters; the filter form sends `''` for "any status". */
export type StoreQuery = Omit<QueryOf<'StoresController_list'>, 'search' | 'status'> & {
  search?: string;
  status?: StoreStatus | '';
};

export type SecurityEvent = Schemas['SecurityEventDto'];
/** What the security log records (`SecurityEventDto.type`). */
export type SecurityEventType = SecurityEvent['type'];
/** Newest first, with the events per type over the last 24 hours. */
export type SecurityEventPage = Schemas['SecurityEventPageDto'];
/** `GET /api/security-events` parameters; the filter form sends `''` for "any type". */
export type SecurityEventQuery = Omit<QueryOf<'SecurityEventsController_list'>, 'type'> & {
  type?: SecurityEventType | '';
};

/** `GET /api/service`: the service's name (a generated app's, or "magekit integration service") and version. */
export type ServiceInfo = Schemas['ServiceInfoDto'];
