export { createMemoryVerifyStore, type MemoryStoreData } from './testing/memory-store';
export { createVectorStore, toVerifyInput, type VerifyVector } from './testing/verify-vector';
export { readFixture, findSharedDir, type SignVector } from './testing/vectors';
