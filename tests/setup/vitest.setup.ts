// Data tests run against fake-indexeddb, a complete IndexedDB implementation for Node.
import 'fake-indexeddb/auto';
