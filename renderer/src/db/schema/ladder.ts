import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';
import { v6 } from './v6';
import { v7 } from './v7';
import { v8 } from './v8';
import { v9 } from './v9';
import { v10 } from './v10';
import { v11 } from './v11';
import { v12 } from './v12';
import { v13 } from './v13';
import type { SchemaVersion } from './schema-version';

/** Every schema version ever shipped, oldest first. Never edit a shipped step; add a new one. */
export const SCHEMA_LADDER: readonly SchemaVersion[] = [
  v1,
  v2,
  v3,
  v4,
  v5,
  v6,
  v7,
  v8,
  v9,
  v10,
  v11,
  v12,
  v13,
];

export const LATEST_SCHEMA_VERSION = SCHEMA_LADDER[SCHEMA_LADDER.length - 1]?.version ?? 1;
