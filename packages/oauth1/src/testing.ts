export { createMemoryVerifyStore, type MemoryStoreData } from './testing/memory-store';
export { createVectorStore, type VerifyVector } from './testing/verify-vector';
export { readFixture, type SignVector } from './testing/vectors';
