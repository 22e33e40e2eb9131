export { createMemoryVerifyStore, type MemoryStoreData } from './testing/memory-store';
export { createVectorStore, readFixture, type SignVector, type VerifyVector } from './testing/vectors';
