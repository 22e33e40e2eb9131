import { ApiProperty } from '@nestjs/swagger';
import { StoreDetailDto } from './store-detail.dto';

/** `POST /api/stores/saas`: an Adobe Commerce as a Cloud Service store and its OAuth Server-to-Server credential. */
export class RegisterSaasStoreDto {
  @ApiProperty({
    description:
      "The tenant's REST URL (Commerce Cloud Manager, instance details): https://<region>.api.commerce.adobe.com/<tenant id>/. Registering a URL again replaces its credential.",
    example: 'https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY/',
  })
  url!: string;
  @ApiProperty({ description: 'Client ID of the credential (Adobe Developer Console > project > credential).' })
  clientId!: string;
  @ApiProperty({
    description: 'Client secret of the credential: stored encrypted, never returned or logged.',
    format: 'password',
    writeOnly: true,
  })
  clientSecret!: string;
  @ApiProperty({ description: 'IMS organization id.', example: '0123456789ABCDEF01234567@AdobeOrg' })
  orgId!: string;
  @ApiProperty({
    required: false,
    type: [String],
    description:
      "Scopes to ask for (also one text, separated by commas or spaces); default Adobe's list for the Commerce REST API, which includes commerce.accs.",
  })
  scopes?: string[];
  @ApiProperty({
    required: false,
    description:
      "The IMS token endpoint (or an origin, /ims/token/v3 is appended); default the service's (Adobe's IMS unless configured otherwise).",
  })
  tokenUrl?: string;
  @ApiProperty({ required: false, description: "The service tenant the store belongs to; default the service's." })
  tenant?: string;
}

/** The answer of `POST /api/stores/saas`: 201 for a new store, 200 when the URL's credential was replaced. */
export class SaasRegistrationDto {
  @ApiProperty({ description: 'False when the URL was registered already and its credential was replaced.' })
  created!: boolean;
  @ApiProperty({
    enum: ['ok', 'rejected', 'error'],
    description:
      'The first probe: ok (an IMS token was issued and the store answered: active), rejected (IMS or the store refused the credential: failed, see statusReason), error (no verdict, e.g. unreachable: probed again later).',
  })
  outcome!: 'ok' | 'rejected' | 'error';
  @ApiProperty({ type: StoreDetailDto }) store!: StoreDetailDto;
}
