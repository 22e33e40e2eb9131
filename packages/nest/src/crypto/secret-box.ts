import { Inject, Injectable } from '@nestjs/common';
import { MAGEKIT_KEY_RING } from '../tokens';
import type { KeyRing } from './key-ring';

/** The encrypted columns, by table. Each ciphertext is bound to `<table>.<column>:<row id>`. */
export const ENCRYPTED_COLUMNS = {
  magekit_stores: ['consumer_secret_enc', 'access_token_enc', 'access_token_secret_enc', 'ims_client_secret_enc'],
  magekit_activations: [
    'verifier_enc',
    'request_token_enc',
    'request_token_secret_enc',
    'access_token_enc',
    'access_token_secret_enc',
  ],
} as const;

export type EncryptedTable = keyof typeof ENCRYPTED_COLUMNS;

/** The AAD of one encrypted cell: moving a ciphertext to another row or column breaks it. */
export function secretContext(table: EncryptedTable, column: string, id: string): string {
  return `${table}.${column}:${id}`;
}

/** Encrypts and decrypts the secrets of one row with the module's key ring. */
@Injectable()
export class SecretBox {
  constructor(@Inject(MAGEKIT_KEY_RING) private readonly keyRing: KeyRing) {}

  seal(table: EncryptedTable, column: string, id: string, plaintext: string): string {
    return this.keyRing.encrypt(plaintext, secretContext(table, column, id));
  }

  /** @throws MagentoIntegrationError `UNKNOWN_KEY_ID`, `DECRYPT_FAILED` */
  open(table: EncryptedTable, column: string, id: string, ciphertext: string): string {
    return this.keyRing.decrypt(ciphertext, secretContext(table, column, id));
  }
}
