import { ApiProperty } from '@nestjs/swagger';
import { StoreDto } from './store-view.dto';

/** The outcome of the last probe of the stored token. */
export class TokenHealthDto {
  @ApiProperty({
    enum: ['ok', 'rejected', 'failing', 'unknown', 'none'],
    description:
      'ok: the last probe worked; rejected: the store refused the token (for an IMS store: IMS or the store refused the credential); failing: the last probe could not reach a verdict (network, 5xx); unknown: not probed yet; none: no token (IMS client secret) stored (revoked or never activated).',
  })
  state!: 'ok' | 'rejected' | 'failing' | 'unknown' | 'none';
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) checkedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) code!: string | null;
  @ApiProperty({ nullable: true, type: String }) message!: string | null;
  @ApiProperty({ nullable: true, type: String }) hint!: string | null;
}

/** One required ACL resource and what the last check found. */
export class ResourceCheckDto {
  @ApiProperty({ description: 'ACL id, e.g. Magento_Sales::actions_view' }) id!: string;
  @ApiProperty({ description: 'Title from the ACL tree (the id when the stock tree does not know it)' }) title!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Path in the admin tree, e.g. Magento Admin > Sales > Operations > Orders > Actions > View',
  })
  breadcrumb!: string | null;
  @ApiProperty({ enum: ['allowed', 'refused', 'unknown'] }) state!: 'allowed' | 'refused' | 'unknown';
  @ApiProperty({ nullable: true, type: String, description: 'The representative call, e.g. GET /V1/orders' }) route!:
    string | null;
  @ApiProperty({ nullable: true, type: Number }) status!: number | null;
  @ApiProperty({ nullable: true, type: String }) detail!: string | null;
}

/** The required resources (module option `requiredResources`) against what the store allows. */
export class ResourceReportDto {
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) checkedAt!: string | null;
  @ApiProperty({ type: [ResourceCheckDto] }) items!: ResourceCheckDto[];
}

/** A store with its token health and required resources (`GET /api/stores/:id`). */
export class StoreDetailDto extends StoreDto {
  @ApiProperty({ type: TokenHealthDto }) tokenHealth!: TokenHealthDto;
  @ApiProperty({ type: ResourceReportDto }) resources!: ResourceReportDto;
}

/** A REST call to the store that failed for good (`GET /api/stores/:id/failed-calls`). */
export class FailedCallDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() method!: string;
  @ApiProperty({ description: 'Path and query, secret-looking query values redacted' }) path!: string;
  @ApiProperty({ nullable: true, type: Number }) status!: number | null;
  @ApiProperty({ description: '@magekit/client error code' }) code!: string;
  @ApiProperty({ description: "Magento's message" }) message!: string;
  @ApiProperty({ nullable: true, type: String }) hint!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'OAuth base string of the last attempt, oauth_token and other secrets masked',
  })
  baseString!: string | null;
  @ApiProperty({ nullable: true, type: String }) signatureProfile!: string | null;
}

/** Activations started and failed on one UTC day. */
export class ActivityDayDto {
  @ApiProperty({ example: '2026-01-31' }) date!: string;
  @ApiProperty() started!: number;
  @ApiProperty() failed!: number;
}

/** `GET /api/stats/activity?days=N`: one entry per UTC day, oldest first, today last. */
export class ActivityDto {
  @ApiProperty() days!: number;
  @ApiProperty({ type: [ActivityDayDto] }) points!: ActivityDayDto[];
}
