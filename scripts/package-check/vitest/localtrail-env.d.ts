/// <reference types="localtrail/vitest" />
