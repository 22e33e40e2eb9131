import { ApiProperty } from '@nestjs/swagger';
import {
  STORE_AUTH_KINDS,
  STORE_EDITIONS,
  STORE_STATUSES,
  type StoreAuthKind,
  type StoreEdition,
  type StoreFacts,
  type StoreStatus,
} from '../entities/store.entity';

/** A vendor account as shown in the admin API. */
export class VendorAccountDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

/** One store view learnt by the probe. */
export class StoreViewFactsDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty({ nullable: true, type: Number }) websiteId!: number | null;
  @ApiProperty({ nullable: true, type: String }) locale!: string | null;
  @ApiProperty({ nullable: true, type: String }) baseCurrency!: string | null;
  @ApiProperty({ nullable: true, type: String }) timezone!: string | null;
  @ApiProperty({ nullable: true, type: String }) baseUrl!: string | null;
  @ApiProperty({ nullable: true, type: String }) secureBaseUrl!: string | null;
}

/** Facts recorded by the last successful probe. */
export class StoreFactsDto implements StoreFacts {
  @ApiProperty({ type: [StoreViewFactsDto] }) storeViews!: StoreViewFactsDto[];
  @ApiProperty({ type: [String] }) baseUrls!: string[];
  @ApiProperty() probePath!: string;
}

/** The IMS credential of an `ims` store, without its client secret (which the API never returns). */
export class ImsCredentialDto {
  @ApiProperty({
    description: 'Client id of the OAuth Server-to-Server credential (an identifier, sent as x-api-key).',
  })
  clientId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'IMS organization id (sent as x-gw-ims-org-id).' })
  orgId!: string | null;
  @ApiProperty({ type: [String], description: 'The scopes asked for.' }) scopes!: string[];
  @ApiProperty({ description: 'The IMS token endpoint used.' }) tokenUrl!: string;
}

/** A store as the admin API shows it: never any secret or token. */
export class StoreDto {
  @ApiProperty() id!: string;
  @ApiProperty() tenant!: string;
  @ApiProperty({
    enum: STORE_AUTH_KINDS,
    description:
      'oauth1: an integration activated by the OAuth 1.0a handshake; ims: an Adobe IMS server-to-server credential registered by an operator (Adobe Commerce as a Cloud Service).',
  })
  authKind!: StoreAuthKind;
  @ApiProperty({
    enum: STORE_EDITIONS,
    description:
      'saas: Adobe Commerce as a Cloud Service; paas: Magento Open Source or Adobe Commerce on premises or on cloud infrastructure.',
  })
  edition!: StoreEdition;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "Magento's consumer key (an identifier, not a secret); null for an IMS store.",
  })
  consumerKey!: string | null;
  @ApiProperty({
    nullable: true,
    type: ImsCredentialDto,
    description: 'The IMS credential (never its secret); null for an OAuth store.',
  })
  ims!: ImsCredentialDto | null;
  @ApiProperty({
    description: 'The base URL (an IMS store: its REST base, https://<region>.api.commerce.adobe.com/<tenant id>/).',
  })
  storeBaseUrl!: string;
  @ApiProperty({ enum: STORE_STATUSES }) status!: StoreStatus;
  @ApiProperty({ nullable: true, type: String }) statusCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) statusReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) statusHint!: string | null;
  @ApiProperty({ enum: ['latest', 'laminas'] }) signatureProfile!: string;
  @ApiProperty({
    description: 'The service holds a credential for the store: an access token (OAuth), a client secret (IMS).',
  })
  hasAccessToken!: boolean;
  @ApiProperty({ nullable: true, type: VendorAccountDto }) vendorAccount!: VendorAccountDto | null;
  @ApiProperty({ nullable: true, type: StoreFactsDto }) facts!: StoreFactsDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) activatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastProbedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** One page of stores. */
export class StorePageDto {
  @ApiProperty({ type: [StoreDto] }) items!: StoreDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** Stores per status. */
export class StoreStatusCountsDto implements Record<StoreStatus, number> {
  @ApiProperty() activating!: number;
  @ApiProperty() active!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() needs_reauth!: number;
  @ApiProperty() revoked!: number;
}

/** The answer of `GET /api/stats/stores`: how many stores there are, in all and per status. */
export class StoreCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: StoreStatusCountsDto }) byStatus!: StoreStatusCountsDto;
}

/** One timeline entry. */
export class ActivationEventDto {
  @ApiProperty() position!: number;
  @ApiProperty() type!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: String }) code!: string | null;
  @ApiProperty({ nullable: true, type: String }) hint!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

/** One activation (Activate or Reauthorize) with its timeline. */
export class ActivationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['callback_received', 'request_token', 'access_token', 'active', 'failed', 'needs_reauth'] })
  state!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) failureCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) failureReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) failureHint!: string | null;
  @ApiProperty({ format: 'date-time' }) windowEndsAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [ActivationEventDto] }) events!: ActivationEventDto[];
}

/** The answer of `POST /api/stores/:id/probe`. */
export class ProbeResultDto {
  @ApiProperty({ enum: ['ok', 'rejected', 'error'] }) outcome!: string;
  @ApiProperty({ type: StoreDto }) store!: StoreDto;
}
