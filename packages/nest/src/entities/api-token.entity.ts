import { Entity, Index } from 'typeorm';
import { TimestampColumn, UuidPrimaryColumn, VarcharColumn } from './columns';

/** A bearer token for the admin API. Only its SHA-256 is stored. */
@Entity('magekit_api_tokens')
export class ApiTokenEntity {
  @UuidPrimaryColumn() id!: string;
  @VarcharColumn('name', 100) name!: string;
  /** Hex SHA-256 of the token. */
  @Index('UQ_magekit_api_tokens_token_hash', { unique: true })
  @VarcharColumn('token_hash', 64)
  tokenHash!: string;
  /** The first characters of the token, to recognise it in a list. */
  @VarcharColumn('token_prefix', 16) tokenPrefix!: string;
  @TimestampColumn('last_used_at', true) lastUsedAt!: Date | null;
  @TimestampColumn('revoked_at', true) revokedAt!: Date | null;
  @TimestampColumn('created_at') createdAt!: Date;
}
